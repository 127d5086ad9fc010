/**
 * Cables have no name in a .vtopo file, so everything that names one (the diagram, the
 * storage and LAN analyses, the simulator, the CLI's `--fail link:N`) calls the entry at
 * position N of `links:` `link:N`, N counted from 0. Messages for people count from 1
 * ("cable 1 of links:"). Both conventions live here and nowhere else.
 */

import { defineMessages } from '../l10n/messages';
import { grouped } from '../text/plural';

const CABLES = defineMessages('model.cables', {
  label: 'cable {n} of links:',
});

/** The id of a cable: `link:` and its zero-based index in `links:`. */
export type CableId = `link:${number}`;

/** The id of the cable at zero-based `index` of `links:`. */
export function cableId(index: number): CableId {
  return `link:${index}`;
}

/** The zero-based index in `links:` of a cable id; undefined for anything else. */
export function cableIndex(id: string): number | undefined {
  const match = /^link:(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** How messages name the cable at zero-based `index`: one-based, "cable 1 of links:". */
export function cableLabel(index: number): string {
  return CABLES.label({ n: grouped(index + 1) });
}
