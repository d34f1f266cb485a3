// The brand's own roles: everyone but a PARTNER (a contract manufacturer). Fields that describe other
// suppliers or the brand's internal view (single-source risk, who a document is shared with) take these.
import type { Role } from '@cmgraph/platform';

export const INTERNAL_ROLES: Role[] = ['PLANNER', 'BUYER', 'QUALITY', 'SUSTAINABILITY', 'ANALYST'];
