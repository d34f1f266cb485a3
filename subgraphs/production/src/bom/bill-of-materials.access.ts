// Bills of materials are the brand's IP: readable by the brand's own roles, never by a PARTNER (a CM
// receives the BOMs it builds to through the suppliers data room, where every read is logged).
import type { Role } from '@cmgraph/platform';

/** Who may read a BOM or any field leading into one (ADMIN holds every role). */
export const BOM_READERS: Role[] = ['PLANNER', 'BUYER', 'QUALITY', 'SUSTAINABILITY', 'ANALYST'];

/** The rule, as the descriptions of those fields state it. */
export const BOM_RULE = 'Null with FORBIDDEN for callers without ADMIN, PLANNER, BUYER, QUALITY, SUSTAINABILITY or ANALYST (partners receive BOMs through the suppliers data room).';
