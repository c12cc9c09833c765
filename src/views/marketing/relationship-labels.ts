/**
 * Relationship types and healths in display order, and a relationship's sentence split around the other
 * customer's name, so the name can be a link inside a translated sentence ("Regards {name} as a client",
 * "被 {name} 视为客户") without rendering any HTML.
 */
import type {
  CustomerRelationship,
  RelationshipHealth,
  RelationshipType,
} from '../../../workers/db/features/marketing/api';
import { t } from '../../lib/i18n';

export const RELATIONSHIP_TYPES: readonly RelationshipType[] = ['friend', 'colleague', 'client'];
export const RELATIONSHIP_HEALTHS: readonly RelationshipHealth[] = ['good', 'normal', 'deteriorating'];

const NAME_MARK = '\u0000';

/** The sentence before and after the other customer's name. */
export function relationshipSentence(r: Pick<CustomerRelationship, 'direction' | 'type'>): {
  before: string;
  after: string;
} {
  const text = t(`marketing.relationships.${r.direction}.${r.type}`, { name: NAME_MARK });
  const [before = '', after = ''] = text.split(NAME_MARK);
  return { before, after };
}
