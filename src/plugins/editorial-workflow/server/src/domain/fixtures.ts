// A fact-check workflow (draft → fact_check → published, the one this plugin was built for),
// written out here so the domain's tests run without any app: the plugin can be tested and
// published on its own. An app's own definition is checked when it boots (config validator).
export const NEWSROOM_CONFIG = {
  contentTypes: ['api::article.article'],
  stages: [
    { id: 'draft', name: 'Draft', color: '#8e8ea9', initial: true },
    { id: 'fact_check', name: 'Fact-check', color: '#d9822f' },
    { id: 'published', name: 'Published', color: '#328048', publishes: true },
  ],
  transitions: [
    { id: 'submit', name: 'Submit for fact-check', from: 'draft', to: 'fact_check' },
    {
      id: 'request_changes',
      name: 'Request changes',
      from: 'fact_check',
      to: 'draft',
      requireComment: true,
    },
    {
      id: 'approve',
      name: 'Approve and publish',
      from: 'fact_check',
      to: 'published',
      guards: ['quotes-verified'],
      separationOfDuties: true,
    },
    {
      id: 'retract',
      name: 'Retract',
      from: 'published',
      to: 'draft',
      requireComment: true,
      commentPrompt: 'Retracting takes the story down: say why.',
    },
  ],
  // An article's quotes go live and come down with it.
  publishWith: { 'api::article.article': ['quotes'] },
  separationOfDuties: true,
};

/** The same workflow with embargoes: a scheduling stage, unschedule and publish now. */
export const SCHEDULING_CONFIG = {
  ...NEWSROOM_CONFIG,
  stages: [
    ...NEWSROOM_CONFIG.stages.slice(0, 2),
    { id: 'scheduled', name: 'Scheduled', color: '#4945ff', schedules: true },
    NEWSROOM_CONFIG.stages[2],
  ],
  transitions: [
    ...NEWSROOM_CONFIG.transitions,
    {
      id: 'unschedule',
      name: 'Unschedule',
      from: 'scheduled',
      to: 'fact_check',
      requireComment: true,
    },
    {
      id: 'publish_now',
      name: 'Publish now',
      from: 'scheduled',
      to: 'published',
      guards: ['quotes-verified'],
    },
  ],
};
