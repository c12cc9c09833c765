import { VIEW_ENTITIES, type EntityName } from '../../../workers/db/entities/types';

/** Record types whose lists can save views (the saved_views table's CHECK). */
export const VIEW_ENTITY_SET: ReadonlySet<EntityName> = new Set(VIEW_ENTITIES);
