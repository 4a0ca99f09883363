/** Demo workshops from Data, Machine Learning and Search. */
import { md } from '../shared/text.js';
import type { WorkshopSpec } from './demo-types.js';

export const DATA_WORKSHOPS: WorkshopSpec[] = [
  {
    title: 'Debugging Kafka consumer lag',
    summary: 'Find out why your consumers fall behind, read the right metrics, and fix the three usual causes.',
    description: md`
      Consumer lag is the most common Kafka alert we get, and the most commonly misread. A lag
      graph going up can mean a slow consumer, a rebalance storm, a hot partition or simply a
      producer having a busy day. This lab teaches you to tell them apart.

      You get a small cluster with a producer and a deliberately misbehaving consumer group. In
      three rounds you will:

      1. read lag per partition and spot a hot key;
      2. find a rebalance loop caused by a \`max.poll.interval.ms\` that is too short;
      3. fix a consumer that commits offsets before it has processed the batch.

      ~~~bash
      kafka-consumer-groups --bootstrap-server localhost:9092 \\
        --describe --group orders-projector
      ~~~

      We finish with the dashboard and alert we recommend for every consumer group.
    `,
    audience: 'Backend engineers who own a Kafka consumer, and on-call engineers who get its alerts.',
    objectives: [
      'Explain what consumer lag measures and what it does not',
      'Use per-partition lag and rebalance metrics to find the cause of lag',
      'Configure a consumer so it neither loses nor reprocesses messages after a rebalance',
    ],
    prerequisites: 'You have written or maintained a service that consumes from Kafka. Docker installed.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['kafka', 'observability', 'streaming'],
    materials: [
      { title: 'Kafka consumer configuration', url: 'https://kafka.apache.org/documentation/#consumerconfigs' },
      { title: 'Consumer lag runbook', url: 'https://wiki.example.com/data/kafka/consumer-lag-runbook' },
      { title: 'Lab repository', url: 'https://git.example.com/data/kafka-lag-lab' },
    ],
    owner: { team: 'Data', title: 'Senior Data Engineer' },
    cohosts: [{ team: 'Reliability', title: 'Site Reliability Engineer' }],
    schedule: { count: 4, cancel: [2] },
  },
  {
    title: 'SQL query plans for application engineers',
    summary: 'Read EXPLAIN ANALYZE output with confidence and fix the slow query your ORM wrote.',
    description: md`
      Your ORM writes SQL; PostgreSQL decides how to run it. When a page gets slow, the query plan
      tells you why — if you can read it. This lab is about reading it.

      We work through five real slow queries (anonymised) from our own services: a missing index,
      a sequential scan the planner preferred for a good reason, a nested loop over a bad row
      estimate, an \`OFFSET\` pagination that degrades with every page, and an N+1.

      ~~~sql
      EXPLAIN (ANALYZE, BUFFERS)
      SELECT o.id, o.total
      FROM orders o
      WHERE o.customer_id = $1
      ORDER BY o.created_at DESC
      LIMIT 20;
      ~~~

      No DBA knowledge assumed. You will leave with a checklist you can use in code review.
    `,
    audience: 'Application engineers who write queries through an ORM or query builder.',
    objectives: [
      'Read an EXPLAIN ANALYZE plan from the inside out',
      'Explain why the planner chose a sequential scan',
      'Use indexes and keyset pagination to fix common slow queries',
    ],
    prerequisites: 'Comfortable writing basic SQL joins.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['sql', 'postgres', 'performance'],
    materials: [{ title: 'PostgreSQL: using EXPLAIN', url: 'https://www.postgresql.org/docs/current/using-explain.html' }],
    owner: { team: 'Data', title: 'Staff Data Engineer' },
    schedule: { count: 3 },
  },
  {
    title: 'ML model monitoring',
    summary: 'Your model passed offline evaluation. How do you know it still works three months later?',
    description: md`
      Models fail quietly. The service stays up, latency is fine, and the predictions get a little
      worse every week as the world drifts away from the training data.

      This talk covers what we monitor for every model in production:

      - **input drift**: population stability on the top features;
      - **prediction drift**: the score distribution compared with last month;
      - **delayed ground truth**: joining labels back when they arrive days later;
      - **business metrics**: the number the model was built to move.

      Includes the story of the fraud model that got better at the wrong thing.
    `,
    audience: 'ML engineers, data scientists and the backend engineers who serve their models.',
    objectives: [
      'Explain the difference between data drift and concept drift',
      'Choose monitoring signals for a model with delayed labels',
      'Use the model monitoring dashboard template',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['machine-learning', 'mlops', 'observability'],
    materials: [{ title: 'Model monitoring template', url: 'https://wiki.example.com/ml/model-monitoring' }],
    owner: { team: 'Machine Learning', title: 'MLOps Engineer' },
    cohosts: [{ team: 'Machine Learning', title: 'Data Scientist' }],
    schedule: { count: 2 },
  },
  {
    title: 'Testing your dbt models',
    summary: 'Generic tests, singular tests and unit tests: catch broken data before the dashboard does.',
    description: md`
      When a dashboard number looks wrong, someone spends a day finding out whether the business
      changed or the pipeline broke. Tests in dbt turn most of those days into a failed CI run.

      We start with the four generic tests (\`unique\`, \`not_null\`, \`accepted_values\`,
      \`relationships\`), write a singular test for a business rule, and then add a unit test for
      a tricky incremental model.

      ~~~yaml
      models:
        - name: fct_orders
          columns:
            - name: order_id
              data_tests: [unique, not_null]
      ~~~
    `,
    audience: 'Analytics engineers, data analysts and data engineers who write dbt models.',
    objectives: [
      'Use generic and singular data tests in a dbt project',
      'Write a unit test for an incremental model',
      'Decide which tests should block a deploy',
    ],
    prerequisites: 'You have built at least one dbt model.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['dbt', 'data-quality', 'sql'],
    materials: [{ title: 'dbt data tests', url: 'https://docs.getdbt.com/docs/build/data-tests' }],
    owner: { team: 'Data', title: 'Analytics Engineer' },
  },
  {
    title: "A/B test pitfalls: peeking, novelty and Simpson's paradox",
    summary: 'Five ways our own experiments misled us, and the checks that would have caught them.',
    description: md`
      Running an experiment is easy; believing the result is harder. We go through five
      experiments from the last two years whose first read-out was wrong, and what the
      experimentation platform now does to stop it happening again.

      1. Stopping the test the day it looked significant.
      2. A new feature that won for a week because it was new.
      3. A segment-level win that was a loss overall.
      4. Sample ratio mismatch from a redirect bug.
      5. Twenty metrics, one of them "significant".

      No statistics background needed; we keep the maths to one slide.
    `,
    audience: 'Product managers, designers and engineers who run or read experiments.',
    objectives: [
      'Explain why peeking inflates false positives',
      'Recognise a sample ratio mismatch',
      'Use the pre-registration template before starting an experiment',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['experimentation', 'statistics', 'product'],
    materials: [{ title: 'Experimentation guidelines', url: 'https://wiki.example.com/growth/experimentation-guidelines' }],
    owner: { team: 'Growth', title: 'Experimentation Engineer' },
    cohosts: [{ team: 'Data', title: 'Data Scientist' }],
    schedule: { count: 3 },
  },
  {
    title: 'Relevance tuning with OpenSearch',
    summary: 'Make search results better on purpose: judgement lists, analyzers, boosting and measuring nDCG.',
    description: md`
      "Search is broken" usually means "the result I wanted was fifth". In this lab you tune a
      product search index with a judgement list, so every change is measured instead of argued.

      You will adjust analyzers for a language with compound words, add synonyms without wrecking
      precision, boost by freshness and popularity, and compare runs with nDCG@10.

      Bring a laptop; the index and the judgement list are provided.
    `,
    audience: 'Engineers working on any feature backed by a search index.',
    objectives: [
      'Build a judgement list for a set of queries',
      'Use analyzers, synonyms and boosts to change ranking',
      'Measure a ranking change with nDCG',
    ],
    prerequisites: 'Basic familiarity with JSON and HTTP APIs.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['search', 'opensearch', 'relevance'],
    materials: [{ title: 'OpenSearch documentation', url: 'https://opensearch.org/docs/latest/' }],
    owner: { team: 'Search', title: 'Relevance Engineer' },
    cohosts: [{ team: 'Search', title: 'Senior Search Engineer' }],
    schedule: { count: 2 },
  },
  {
    title: 'Evaluating LLM features before they ship',
    summary: 'How do you test a feature whose output changes every time? Let us compare notes.',
    description: md`
      Several teams are shipping features built on large language models, and each has invented
      its own way of deciding whether a prompt change is an improvement. This discussion brings
      them together.

      Questions on the table:

      - golden datasets: how big, who labels them, how often do they go stale?
      - model-graded evaluation: useful, or grading your homework with your homework?
      - which online metrics tell you a feature is helping?

      Short lightning intros from Search and Growth, then open discussion.
    `,
    audience: 'Engineers, scientists and product managers working on LLM-based features.',
    objectives: ['Compare evaluation approaches used across teams', 'Design a small offline evaluation set for an LLM feature'],
    prerequisites: null,
    format: 'discussion',
    durationMinutes: 60,
    tags: ['llm', 'machine-learning', 'evaluation'],
    materials: [],
    owner: { team: 'Machine Learning', title: 'Applied Scientist' },
    schedule: { fresh: true, count: 2 },
  },
  {
    title: 'Data contracts between producers and consumers',
    summary: 'Who is allowed to change an event schema, and how do consumers find out in time?',
    description: md`
      Half of our data incidents start with a harmless-looking change to an event: a field
      renamed, an enum value added, a timestamp switched to local time. A data contract makes the
      promise between producer and consumer explicit.

      We will discuss a proposal from the Data team: schemas in the registry with compatibility
      checks in CI, an owner per topic, and a deprecation window for breaking changes. Bring your
      objections; this is a discussion, not an announcement.
    `,
    audience: 'Teams that publish or consume events, and anyone who has been paged by a schema change.',
    objectives: ['Explain what a data contract covers', 'Use schema compatibility checks in CI'],
    prerequisites: 'Read the one-page proposal linked below.',
    format: 'discussion',
    durationMinutes: 60,
    tags: ['data-contracts', 'kafka', 'schemas'],
    materials: [{ title: 'Data contracts proposal', url: 'https://wiki.example.com/data/rfc-data-contracts' }],
    owner: { team: 'Data', title: 'Data Engineer' },
    cohosts: [{ team: 'Payments', title: 'Staff Engineer' }],
  },
  {
    title: 'Feature stores: what they are and when you need one',
    summary: 'A plain-language introduction to feature stores and an honest look at whether we need one.',
    description: md`
      Draft: outline only.

      - Training–serving skew, explained with one diagram
      - Offline versus online store
      - What we do today without one
      - Build, buy or wait
    `,
    audience: 'ML engineers and data engineers.',
    objectives: ['Explain training–serving skew', 'Decide whether a project needs a feature store'],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['machine-learning', 'mlops'],
    materials: [],
    owner: { team: 'Machine Learning', title: 'Senior Machine Learning Engineer' },
    draft: true,
  },
  {
    title: 'Python for data engineering (3-part course)',
    summary: 'Three afternoons from scripts to tested, packaged pipelines: typing, testing and orchestration.',
    description: md`
      A three-part course for people who can write Python scripts and want to write Python
      pipelines other people can maintain. Sign up for the series; each part builds on the last.

      **Part 1 — Structure.** Packaging with \`pyproject.toml\`, type hints that catch real bugs,
      and a project layout that survives a second contributor.

      **Part 2 — Testing.** Pytest fixtures for data, property-based tests for transformations,
      and testing against a real database in CI.

      **Part 3 — Running it.** Idempotent tasks, retries, backfills and our orchestration
      conventions.

      Homework between sessions takes about an hour.
    `,
    audience: 'Data analysts and engineers who write Python scripts and want to build maintainable pipelines.',
    objectives: [
      'Structure a Python pipeline as a tested, typed package',
      'Use pytest fixtures to test transformations',
      'Write idempotent pipeline tasks that are safe to retry',
    ],
    prerequisites: 'Comfortable with Python basics (functions, lists, dictionaries). Python 3.12 installed.',
    format: 'course',
    durationMinutes: 180,
    tags: ['python', 'data-engineering', 'testing'],
    materials: [
      { title: 'Course repository', url: 'https://git.example.com/data/python-pipelines-course' },
      { title: 'pytest documentation', url: 'https://docs.pytest.org/' },
    ],
    owner: { team: 'Data', title: 'Senior Data Engineer' },
    schedule: { series: { weekday: 2, fromWeek: 1, count: 3, hour: 13, minute: 30 }, modes: ['hybrid'], seats: 24 },
  },
];
