/**
 * Templates in the schema language (schema.ts): an entry read on its own (a host profile),
 * fields it may leave out, and mappings that name a template and take the keys they do not
 * give themselves (`profile: r750-fc`, docs/format.md#hostprofiles).
 */

import { isMap, isPair, isScalar, YAMLMap, type Node, type Pair } from 'yaml';
import type { ParseProblem } from './report';
import { bindingsOf, type Field, type Inheritance, type ObjectValue, type Shape } from './schema';

/** The same field, neither required nor defaulted: for a template that may leave it out. */
export function optional<T>(field: Field<T>): Field<T, 'optional'> {
  const copy: Field<T> = { ...field, presence: 'optional', required: false };
  delete (copy as { defaultValue?: T }).defaultValue;
  return copy as Field<T, 'optional'>;
}

/**
 * A template read on its own (an entry of `hostProfiles`): see `ReadContext.inTemplate`.
 * Its keys are the fields that `inheriting` mappings may take from it.
 */
export function template<T>(element: Field<T>): Field<T> {
  return { ...element, read: (raw, ctx, fallback) => ctx.inTemplate(() => element.read(raw, ctx, fallback)) };
}

/**
 * A mapping that may name a template (`profile: r750`) in `key`: it takes every field of
 * the template (an entry of the top-level `section`) that it does not give itself, whole
 * (a field it gives replaces the template's, nested keys included). The template's text is
 * read as if it were written in the mapping, so nested elements are declared under the
 * mapping's id and every range of a taken field is in the template. Only keys of
 * `templateShape` are taken; the template reports the others when it is read.
 */
export function inheriting<S extends Shape, T extends ObjectValue<S>>(
  element: Field<T>,
  options: { key: string; section: string; templateShape: Shape },
): Field<T> {
  const ownKeys = bindingsOf(element.children?.() ?? {});
  const templateKeys = bindingsOf(options.templateShape);
  return {
    ...element,
    read(raw, ctx, fallback) {
      const node = ctx.resolve(raw);
      if (!node || !isMap(node)) return element.read(node, ctx, fallback);
      const own = (node.items as Pair<Node, Node>[]).filter(isPair);
      const named = own.find((pair) => ctx.scalarText(pair.key) === options.key);
      const id = named && isScalar(named.value) ? ctx.scalarText(named.value) : undefined;
      if (!named || id === undefined) return element.read(node, ctx, fallback);
      const found = ctx.templateOf(options.section, id);
      if (!found) {
        // The unknown template is reported as an unresolved reference; the keys it would
        // have given are not reported missing as well.
        const missing = (problem: ParseProblem) => problem.ruleId === 'missing-field' && problem.range.start === fallback.start && problem.range.end === fallback.end;
        return ctx.filtered((problem) => !missing(problem), () => element.read(node, ctx, fallback));
      }
      const given = new Set(own.map((pair) => ownKeys.get(ctx.scalarText(pair.key) ?? '')?.fieldKey));
      const inheritance = { from: id, range: found.range };
      const taken = new Map<Pair<Node, Node>, Inheritance>();
      for (const pair of found.pairs) {
        const fieldKey = templateKeys.get(ctx.scalarText(pair.key) ?? '')?.fieldKey;
        if (fieldKey === undefined || given.has(fieldKey)) continue;
        given.add(fieldKey);
        taken.set(pair, inheritance);
      }
      // The template's keys stand where it is named, as if written there.
      const at = own.indexOf(named) + 1;
      const merged = new YAMLMap<Node, Node>();
      merged.items = [...own.slice(0, at), ...taken.keys(), ...own.slice(at)];
      merged.range = node.range;
      return ctx.withInheritedPairs(taken, () => element.read(merged, ctx, fallback));
    },
    jsonSchema() {
      // With a template named, the keys the element requires may come from it.
      const { required, allOf, ...schema } = element.jsonSchema();
      if (required === undefined && allOf === undefined) return schema;
      return { ...schema, anyOf: [{ required: [options.key] }, { ...(required !== undefined ? { required } : {}), ...(allOf !== undefined ? { allOf } : {}) }] };
    },
  };
}
