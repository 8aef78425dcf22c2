import { ARTICLE, PERSON, QUOTE, SOURCE } from '../src/content/types';
import { hideInternalErrors } from '../src/newsroom/graphql-errors';
import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // Notification emails go out through Strapi's email plugin over SMTP. Without SMTP_HOST they are
  // written to the log instead (see `notifications` below); the README lists the variables.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', ''),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME', '')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } }
          : {}),
        // A stalled server must not hold the sender for minutes (nodemailer's defaults).
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'newsroom@localhost'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'newsroom@localhost')),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // GraphQL at /graphql, with the REST content API's guarantees (src/newsroom/graphql.ts): readers
  // get published rows only, at every depth. Limits are deliberate (README, "GraphQL"):
  graphql: {
    config: {
      endpoint: '/graphql',
      // The playground (and schema introspection) only where someone develops; never in production.
      landingPage: env('NODE_ENV', 'development') === 'development',
      // A story page is 4 deep (articles → quotes → speaker → name); 7 leaves room for a connection
      // wrapper and one way back (speaker → quotes → article) and stops cycles there.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      // Same page sizes as REST (config/api.ts), for every list, nested ones included.
      defaultLimit: 25,
      maxLimit: 100,
      shadowCRUD: true,
      apolloServer: {
        introspection: env('NODE_ENV', 'development') !== 'production',
        plugins: [hideInternalErrors],
      },
    },
  },
  'editorial-workflow': {
    // Off only to measure what the workflow costs (npm run bench); never in a newsroom.
    enabled: env.bool('EDITORIAL_WORKFLOW_ENABLED', true),
    resolve: './src/plugins/editorial-workflow',
    config: {
      contentTypes: ['api::article.article'],
      stages: [
        { id: 'draft', name: 'Draft', color: '#8e8ea9', initial: true },
        {
          id: 'fact_check',
          name: 'Fact-check',
          color: '#d9822f',
          assignTo: 'approve',
          slaHours: env.int('FACT_CHECK_SLA_HOURS', 24),
        },
        // Approved with an embargo (approve with publishAt): the workflow publishes it at that time.
        { id: 'scheduled', name: 'Scheduled', color: '#4945ff', schedules: true },
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
          commentPrompt: 'Say what needs to change: the author sees this comment.',
        },
        {
          id: 'approve',
          name: 'Approve and publish',
          from: 'fact_check',
          to: 'published',
          guards: ['quotes-verified', 'source-warnings'],
          separationOfDuties: true,
        },
        {
          id: 'unschedule',
          name: 'Unschedule',
          from: 'scheduled',
          to: 'fact_check',
          requireComment: true,
          commentPrompt: 'Unscheduling stops the embargoed publication: say why.',
        },
        {
          // Also the move the scheduler makes at publishAt: its guards are checked again then.
          id: 'publish_now',
          name: 'Publish now',
          from: 'scheduled',
          to: 'published',
          guards: ['quotes-verified', 'source-warnings'],
        },
        {
          id: 'retract',
          name: 'Retract',
          from: 'published',
          to: 'draft',
          requireComment: true,
          commentPrompt: 'Retracting takes the story down: say why.',
          // Its address answers 404 afterwards.
          effect: 'retract',
        },
        {
          id: 'withdraw',
          name: 'Withdraw with a notice',
          from: 'published',
          to: 'draft',
          requireComment: true,
          commentPrompt: 'Withdrawing takes the story down: say why (for the newsroom).',
          // Its address keeps answering, with a retraction notice: the last published title, the
          // date and the public note sent with the move (`publicNote`).
          effect: 'withdraw',
        },
      ],
      // Publishes scheduled stories at their publishAt (and takes them down at unpublishAt), every
      // minute by default; a six-field pattern counts seconds ('*/5 * * * * *').
      scheduler: { cron: env('WORKFLOW_SCHEDULER_CRON', '* * * * *') },
      // An article's quotes go live and come down with it.
      publishWith: { 'api::article.article': ['quotes'] },
      // A fact-checker's verdict on a quote is review, not a change to the story (server-set fields such
      // as verifiedBy never count as content either).
      reviewFields: { 'api::quote.quote': ['verification', 'verificationNote'] },
      separationOfDuties: env.bool('WORKFLOW_SEPARATION_OF_DUTIES', true),
      // Public content-API reads, kept in memory until the workflow changes what they show.
      // Browsers and CDNs revalidate every time by default (ETag → 304); a CDN that purges by
      // Cache-Tag may keep answers longer (CACHE_S_MAXAGE): see the README.
      cache: {
        enabled: env.bool('RESPONSE_CACHE_ENABLED', true),
        contentTypes: [ARTICLE, QUOTE, PERSON, SOURCE],
        maxBytes: env.int('RESPONSE_CACHE_MAX_MB', 64) * 1024 * 1024,
        maxAge: env.int('CACHE_MAX_AGE', 0),
        sMaxAge: env.int('CACHE_S_MAXAGE', env.int('CACHE_MAX_AGE', 0)),
        staleWhileRevalidate: env.int('CACHE_STALE_WHILE_REVALIDATE', 0),
      },
      // Email on workflow events (submitted, changes requested, approved, retracted, assigned,
      // mentioned, past SLA), from an outbox delivered after each commit, retried with backoff.
      notifications: {
        delivery: env('SMTP_HOST', '') ? 'email' : 'log',
        adminUrl: env('ADMIN_URL', '') || undefined,
        pollSeconds: env.int('NOTIFICATIONS_POLL_SECONDS', 15),
      },
    },
  },
});

export default config;
