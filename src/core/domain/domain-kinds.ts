/**
 * The kinds of failure domain (docs/format.md, "Failure domains"), on their own so that the
 * simulator's types and the views can name them without the domain computations.
 */

import { defineMessages } from '../l10n/messages';

export const DOMAIN_KINDS = ['site', 'rack', 'chassis', 'power-feed'] as const;
export type DomainKind = (typeof DOMAIN_KINDS)[number];

export function isDomainKind(kind: string): kind is DomainKind {
  return (DOMAIN_KINDS as readonly string[]).includes(kind);
}

const KIND_NAMES = defineMessages('domain-kinds', { site: 'site', rack: 'rack', chassis: 'chassis', powerFeed: 'power feed' });

/** How people name a domain kind, in their language: `rack`, `power feed`. */
export function domainKindName(kind: DomainKind): string {
  return (kind === 'power-feed' ? KIND_NAMES.powerFeed : KIND_NAMES[kind])({});
}
