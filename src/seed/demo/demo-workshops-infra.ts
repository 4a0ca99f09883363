/** Demo workshops from Platform, Infrastructure and Reliability. */
import { md } from '../shared/text.js';
import type { WorkshopSpec } from './demo-types.js';

export const INFRA_WORKSHOPS: WorkshopSpec[] = [
  {
    title: 'Intro to our Kubernetes platform',
    summary: 'Deploy a service to our clusters end to end: manifests, pipelines, dashboards and where to ask for help.',
    description: md`
      Most teams never touch raw Kubernetes: they describe their service in a \`service.yaml\`,
      and the platform turns it into deployments, autoscaling, alerts and a dashboard. This lab
      walks you through that path with a real (toy) service, so your first production deploy is
      not also your first time reading the docs.

      We will cover:

      - the \`service.yaml\` fields that matter, and the ones you can ignore;
      - how a merge to \`main\` becomes a rollout in staging, then production;
      - reading pod events when a deploy hangs in \`CrashLoopBackOff\`;
      - the golden-signal dashboard every service gets for free.

      Bring a laptop with VPN access. You leave with a service running in the sandbox cluster
      that you are welcome to break afterwards.
    `,
    audience: 'Engineers who are new to the company or who are moving a service onto the platform.',
    objectives: [
      'Deploy a service to the sandbox cluster using the platform service template',
      'Explain what happens between a merge and a production rollout',
      'Diagnose a failing rollout from pod events and logs',
    ],
    prerequisites: 'Laptop with VPN and kubectl configured (see the onboarding checklist). No prior Kubernetes experience needed.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['kubernetes', 'platform', 'onboarding'],
    materials: [
      { title: 'Platform onboarding guide', url: 'https://wiki.example.com/platform/onboarding' },
      { title: 'Kubernetes concepts', url: 'https://kubernetes.io/docs/concepts/' },
    ],
    owner: { team: 'Platform', title: 'Senior Platform Engineer' },
    cohosts: [{ team: 'Platform', title: 'Developer Experience' }],
    schedule: { count: 4 },
  },
  {
    title: 'Platform office hours',
    summary: 'Drop in with your deploy, CI or cluster question; a platform engineer is on the call every Thursday.',
    description: md`
      No slides, no agenda. Bring whatever is blocking you: a pipeline that got slow, a pod that
      will not schedule, a question about which database to pick. If it takes longer than ten
      minutes we will book a follow-up with the right person.

      Recent topics, to give you an idea:

      1. Why is my build cache missing on every run?
      2. How do I get a preview environment per pull request?
      3. Can we run a cron job without a separate service?

      You can also post your question in \`#platform-help\` beforehand so we come prepared.
    `,
    audience: 'Anyone who deploys to the platform.',
    objectives: [
      'Get unblocked on a platform question with someone who knows the internals',
      'Find the right runbook or owner for a problem',
    ],
    prerequisites: null,
    format: 'office_hours',
    durationMinutes: 60,
    tags: ['platform', 'kubernetes', 'ci'],
    materials: [{ title: '#platform-help FAQ', url: 'https://wiki.example.com/platform/faq' }],
    owner: { team: 'Platform', title: 'Staff Engineer' },
    cohosts: [{ team: 'Platform', title: 'Platform Engineer' }],
    schedule: { series: { weekday: 4, fromWeek: -3, count: 8, hour: 15 }, modes: ['online'], seats: null, cancel: [1] },
  },
  {
    title: 'On-call survival guide',
    summary: 'What your first on-call week really looks like, and the habits that keep it calm.',
    description: md`
      Your first page at 3 a.m. is stressful mostly because you do not know what is expected of
      you. This talk removes the guesswork: what to do in the first five minutes, when to
      escalate, and how to hand over at the end of the shift.

      ### The first five minutes

      Acknowledge, open the incident channel, say what you see. You do not need a root cause to
      start; you need a timeline and a decision about impact.

      ### After the shift

      We close with the handover note we use in Reliability, and why "nothing happened" is still
      worth writing down. Plenty of time for questions from people who are about to join a rota.
    `,
    audience: 'Engineers joining an on-call rotation for the first time, and their managers.',
    objectives: [
      'Explain what is expected of the on-call engineer during an incident',
      'Decide when to escalate and to whom',
      'Write a useful shift handover',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['on-call', 'incident-response', 'reliability'],
    materials: [
      { title: 'Incident response runbook', url: 'https://wiki.example.com/reliability/incident-response' },
      { title: 'Google SRE book: Being on-call', url: 'https://sre.google/sre-book/being-on-call/' },
    ],
    owner: { team: 'Reliability', title: 'Senior SRE' },
    cohosts: [{ team: 'Reliability', title: 'Incident Manager' }],
    schedule: { count: 3 },
  },
  {
    title: 'Writing a good postmortem',
    summary: 'Blameless, specific and actually read: we rewrite a real (anonymised) postmortem together.',
    description: md`
      A postmortem is the cheapest way an organisation learns, and the most often wasted. In this
      discussion we take an anonymised postmortem from last quarter and improve it as a group.

      We will look at what makes one useful:

      - a timeline in UTC with the moment of detection and the moment of mitigation;
      - contributing factors instead of a single root cause;
      - action items with an owner and a date, small enough to actually happen;
      - language that describes systems and decisions, not people.

      Come with a postmortem you wrote or reviewed recently if you want feedback on it.
    `,
    audience: 'Anyone who has been, or will be, involved in an incident review.',
    objectives: [
      'Write a blameless incident timeline',
      'Identify contributing factors beyond the immediate trigger',
      'Turn findings into action items that get done',
    ],
    prerequisites: 'Read one postmortem from the incident archive before the session.',
    format: 'discussion',
    durationMinutes: 60,
    tags: ['postmortems', 'incident-response', 'writing'],
    materials: [
      { title: 'Postmortem template', url: 'https://wiki.example.com/reliability/postmortem-template' },
      { title: 'Postmortem culture (Google SRE book)', url: 'https://sre.google/sre-book/postmortem-culture/' },
    ],
    owner: { team: 'Reliability', title: 'Incident Manager' },
    schedule: { count: 2 },
  },
  {
    title: 'SLOs and error budgets from scratch',
    summary: 'Pick an SLI, set a target your users would agree with, and wire up a burn-rate alert.',
    description: md`
      "99.9%" means nothing until you say of what, measured where, over which window. In this lab
      you define a service level objective for a sample checkout service and turn it into alerts
      that fire when users are hurting, not when a CPU graph looks scary.

      The core of it is one query:

      ~~~promql
      sum(rate(http_requests_total{job="checkout", code!~"5.."}[5m]))
        /
      sum(rate(http_requests_total{job="checkout"}[5m]))
      ~~~

      From there we build a multi-window burn-rate alert and talk about what a team should do
      when the error budget runs out (hint: it is a conversation, not a freeze).
    `,
    audience: 'Service owners and anyone who writes alerts.',
    objectives: [
      'Choose a service level indicator that reflects user experience',
      'Use burn-rate alerts instead of threshold alerts',
      'Explain an error budget policy to your product manager',
    ],
    prerequisites: 'Basic PromQL helps but is not required.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['slo', 'observability', 'reliability'],
    materials: [{ title: 'Implementing SLOs (SRE workbook)', url: 'https://sre.google/workbook/implementing-slos/' }],
    owner: { team: 'Reliability', title: 'Site Reliability Engineer' },
    cohosts: [{ team: 'Reliability', title: 'Observability' }],
    schedule: { count: 3 },
  },
  {
    title: 'Distributed tracing with OpenTelemetry',
    summary: 'Instrument two services, follow one request across them, and find the slow hop.',
    description: md`
      Logs tell you what happened in one service; traces tell you what happened to one request.
      We start from two small services with no instrumentation and finish with traces in our
      tracing backend, including a database span and a Kafka hop.

      Along the way:

      - auto-instrumentation versus manual spans, and when each is worth it;
      - propagating context through HTTP headers and message metadata;
      - sampling: why we keep every error trace but only 5% of the rest.

      Examples are in TypeScript and Go; pick whichever you are more comfortable with.
    `,
    audience: 'Backend engineers who debug latency or errors across services.',
    objectives: [
      'Add OpenTelemetry tracing to an existing service',
      'Propagate trace context across HTTP and Kafka',
      'Use a trace to locate the slowest span in a request',
    ],
    prerequisites: 'Comfortable with either TypeScript or Go. Docker installed.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['observability', 'opentelemetry', 'tracing'],
    materials: [
      { title: 'OpenTelemetry documentation', url: 'https://opentelemetry.io/docs/' },
      { title: 'Lab repository', url: 'https://git.example.com/reliability/otel-lab' },
    ],
    owner: { team: 'Reliability', title: 'Observability Engineer' },
    cohosts: [{ team: 'Platform', title: 'Platform Engineer' }],
  },
  {
    title: 'Cost-aware cloud architecture',
    summary: 'Where our cloud bill actually goes, and five design choices that cut it without hurting reliability.',
    description: md`
      Last year three architectural decisions accounted for more than half of our cloud spend
      growth: cross-zone traffic, over-provisioned databases and logs nobody reads. None of them
      looked expensive when they were made.

      This talk shows how to read the cost dashboard for your own service and walks through five
      patterns with real before-and-after numbers:

      1. Keep chatty services in one availability zone.
      2. Right-size with percentiles, not peaks.
      3. Tier your storage (hot, warm, archive).
      4. Sample debug logs; never sample audit logs.
      5. Turn off preview environments at night.
    `,
    audience: 'Engineers and tech leads who design or own services in the cloud.',
    objectives: [
      'Read the cost breakdown of your own service',
      'Explain the cost of cross-zone traffic and idle capacity',
      'Use cost as one input in a design review',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['cloud', 'cost', 'architecture'],
    materials: [{ title: 'Cloud cost dashboard guide', url: 'https://wiki.example.com/infrastructure/cost-dashboard' }],
    owner: { team: 'Infrastructure', title: 'Cloud Engineer' },
  },
  {
    title: 'Terraform modules without tears',
    summary: 'Write a reusable Terraform module, test it, and publish it to our internal registry.',
    description: md`
      Copy-pasted Terraform ages badly. In this lab you turn a copy-pasted S3-bucket-plus-IAM
      setup into a small module with sensible defaults, typed variables and a test.

      ~~~hcl
      module "reports_bucket" {
        source  = "registry.example.com/infra/private-bucket/aws"
        version = "~> 2.1"

        name        = "reports"
        retain_days = 90
      }
      ~~~

      We also cover versioning and how to roll a breaking change out to thirty consumers without
      thirty pull requests on the same day.
    `,
    audience: 'Engineers who already write some Terraform and want to share it across teams.',
    objectives: [
      'Design a module interface with typed variables and outputs',
      'Use terraform test to check a module',
      'Publish and version a module in the internal registry',
    ],
    prerequisites: 'Terraform 1.6+ installed; you have run terraform plan on a real project before.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['terraform', 'infrastructure-as-code', 'aws'],
    materials: [{ title: 'Terraform: developing modules', url: 'https://developer.hashicorp.com/terraform/language/modules/develop' }],
    owner: { team: 'Infrastructure', title: 'Senior Infrastructure Engineer' },
  },
  {
    title: 'Reading a flame graph',
    summary: 'Fifteen minutes of theory, thirty of real profiles from our services: where did the CPU go?',
    description: md`
      Flame graphs are the quickest way to answer "why is this slow?", once you know how to read
      them. Width is time, the y-axis is the stack, colour means nothing (usually).

      We look at four profiles captured from production last month: a regex in a hot path, a JSON
      serializer allocating like mad, lock contention that looks like idle time, and a garbage
      collector doing exactly what it was told.
    `,
    audience: 'Any engineer who has ever wondered where the CPU went.',
    objectives: [
      'Read a CPU flame graph and find the widest frames',
      'Capture a profile from a running service',
      'Tell on-CPU time from waiting',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['performance', 'profiling'],
    materials: [{ title: 'Flame graphs (Brendan Gregg)', url: 'https://www.brendangregg.com/flamegraphs.html' }],
    owner: { team: 'Infrastructure', title: 'Staff Infrastructure Engineer' },
    schedule: { count: 2 },
  },
  {
    title: 'Zero-downtime database migrations',
    summary: 'Expand, migrate, contract: changing a busy table without a maintenance window.',
    description: md`
      Renaming a column is a one-line change and a very good way to take production down. This
      talk walks through the expand–migrate–contract pattern on PostgreSQL with the exact order
      of deploys, and the locks each DDL statement takes.

      Things we will look at closely:

      - which \`ALTER TABLE\` forms rewrite the table, and which do not;
      - \`CREATE INDEX CONCURRENTLY\` and what happens when it fails halfway;
      - backfilling in batches without starving replication;
      - why \`lock_timeout\` belongs in every migration.
    `,
    audience: 'Backend engineers who own a PostgreSQL database.',
    objectives: [
      'Plan a schema change as expand, migrate and contract steps',
      'Explain which DDL statements take blocking locks',
      'Backfill a large table safely',
    ],
    prerequisites: 'You have written a migration before.',
    format: 'talk',
    durationMinutes: 45,
    tags: ['postgres', 'migrations', 'databases'],
    materials: [
      { title: 'PostgreSQL: explicit locking', url: 'https://www.postgresql.org/docs/current/explicit-locking.html' },
      { title: 'Migration checklist', url: 'https://wiki.example.com/infrastructure/db-migration-checklist' },
    ],
    owner: { team: 'Infrastructure', title: 'Database Reliability Engineer' },
    schedule: { fresh: true, count: 2 },
  },
  {
    title: 'Chaos engineering game day',
    summary: 'We break a staging copy of checkout on purpose and practise finding out why.',
    description: md`
      A game day is a fire drill for software. A small group gets a pager, a staging environment
      and a scenario; facilitators inject failures and watch what happens to the system and to
      the people.

      Still being planned: we are picking the scenarios with Payments. Expect a dependency
      timeout, a bad config push, and one surprise.
    `,
    audience: 'On-call engineers from teams that depend on checkout.',
    objectives: ['Practise incident response in a safe environment', 'Identify gaps in runbooks and dashboards'],
    prerequisites: 'Completed the on-call survival guide or been on call for at least a month.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['chaos-engineering', 'reliability', 'incident-response'],
    materials: [{ title: 'Principles of chaos engineering', url: 'https://principlesofchaos.org/' }],
    owner: { team: 'Reliability', title: 'Staff SRE' },
    cohosts: [{ team: 'Payments', title: 'Senior Backend Engineer' }],
    draft: true,
    schedule: { count: 1, fresh: true, seats: 8, modes: ['in_person'] },
  },
];
