import stateSchema from './workflow-state/schema.json';
import historySchema from './workflow-history/schema.json';

// Indexes live with the schema so Strapi's schema sync owns them: one state per document locale
// (the database refuses a second), and the queue and history read by index.
export default {
  'workflow-state': {
    schema: {
      ...stateSchema,
      indexes: [
        {
          name: 'ew_states_target_unique',
          columns: ['target_uid', 'target_document_id', 'target_locale'],
          type: 'unique',
        },
        { name: 'ew_states_queue', columns: ['stage', 'entered_stage_at'] },
      ],
    },
  },
  'workflow-history': {
    schema: {
      ...historySchema,
      indexes: [
        {
          name: 'ew_history_target',
          columns: ['target_uid', 'target_document_id', 'target_locale'],
        },
      ],
    },
  },
};
