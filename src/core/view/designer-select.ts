/**
 * Text -> canvas selection: the element a cursor position in the design's text is inside
 * (the innermost declared element whose range holds it), for the designer's 'select'
 * message. Pure, so it runs under Node's test runner.
 */

import type { Declaration } from '../model/schema';

/**
 * The innermost declaration whose range contains `offset` (ends included: a cursor just
 * after an element's last character is still on it) and that `shown` accepts (the canvas
 * draws it), or undefined.
 */
export function innermostDeclarationAt(declarations: Iterable<Declaration>, offset: number, shown: (id: string) => boolean = () => true): Declaration | undefined {
  let best: Declaration | undefined;
  for (const declaration of declarations) {
    const { start, end } = declaration.range;
    // A host profile's adapters and ports are every profiled host's: the cursor there selects none.
    if (offset < start || offset > end || declaration.inheritedFrom !== undefined || !shown(declaration.id)) continue;
    if (!best || end - start < best.range.end - best.range.start) best = declaration;
  }
  return best;
}
