import stateSchema from './workflow-state/schema.json';
import historySchema from './workflow-history/schema.json';
import notificationSchema from './workflow-notification/schema.json';
import noteSchema from './workflow-note/schema.json';
import preferenceSchema from './workflow-notification-preference/schema.json';
import correctionSchema from './workflow-correction/schema.json';
import noticeSchema from './workflow-notice/schema.json';

/** What the desk's read scope filters on (desk.ts scopeSql). */
const SCOPE_COLUMNS = ['target_uid', 'target_locale', 'target_document_id'];

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
        // The scheduler's every-minute look for due publications and take-downs.
        { name: 'ew_states_publish_at', columns: ['publish_at'] },
        { name: 'ew_states_unpublish_at', columns: ['unpublish_at'] },
      ],
    },
  },
  'workflow-history': {
    schema: {
      ...historySchema,
      indexes: [
        // A story's history in order; also the desk's seek for a round's entry (older history).
        {
          name: 'ew_history_target',
          columns: ['target_uid', 'target_document_id', 'target_locale', 'created_at', 'id'],
        },
        // The desk reads only these two indexes (covering: no table row is visited): entries into
        // a stage, and exits with their time in stage and actor (actorType/Id/Name copy the actor
        // JSON for SQL); both end with the read scope's columns.
        {
          name: 'ew_history_to_time',
          columns: ['to_stage', 'created_at', ...SCOPE_COLUMNS, 'from_stage'],
        },
        {
          name: 'ew_history_exits',
          columns: [
            'from_stage',
            'created_at',
            'to_stage',
            'stage_entered_at',
            'actor_type',
            'actor_id',
            'actor_name',
            ...SCOPE_COLUMNS,
          ],
        },
      ],
    },
  },
  // The outbox: the database refuses a second row for one event and recipient (enqueue inserts
  // with ON CONFLICT DO NOTHING against this index), and the sender reads due rows by index.
  'workflow-notification': {
    schema: {
      ...notificationSchema,
      indexes: [
        {
          name: 'ew_notifications_event_recipient',
          columns: ['event_key', 'recipient_id'],
          type: 'unique',
        },
        { name: 'ew_notifications_due', columns: ['status', 'next_attempt_at'] },
      ],
    },
  },
  'workflow-notification-preference': {
    schema: {
      ...preferenceSchema,
      indexes: [{ name: 'ew_notification_prefs_user', columns: ['user_id'], type: 'unique' }],
    },
  },
  'workflow-note': {
    schema: {
      ...noteSchema,
      indexes: [
        { name: 'ew_notes_target', columns: ['target_uid', 'target_document_id', 'target_locale'] },
      ],
    },
  },
  // A story's corrections log, read with every public answer of the story.
  'workflow-correction': {
    schema: {
      ...correctionSchema,
      indexes: [
        {
          name: 'ew_corrections_target',
          columns: ['target_uid', 'target_document_id', 'target_locale'],
        },
      ],
    },
  },
  // One notice per withdrawn document locale, found by documentId or by slug.
  'workflow-notice': {
    schema: {
      ...noticeSchema,
      indexes: [
        {
          name: 'ew_notices_target_unique',
          columns: ['target_uid', 'target_document_id', 'target_locale'],
          type: 'unique',
        },
        { name: 'ew_notices_slug', columns: ['target_uid', 'slug', 'target_locale'] },
      ],
    },
  },
};
