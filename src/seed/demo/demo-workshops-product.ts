/** Demo workshops from Frontend, Mobile, Payments and Growth. */
import { md } from '../shared/text.js';
import type { WorkshopSpec } from './demo-types.js';

export const PRODUCT_WORKSHOPS: WorkshopSpec[] = [
  {
    title: 'React performance profiling',
    summary: 'Use the React Profiler and browser performance tools to find and fix slow renders.',
    description: md`
      "The page feels sluggish" is not a bug report you can fix — until you profile it. In this
      lab we take a deliberately slow dashboard and make it fast, one measured change at a time.

      You will record interactions with the React DevTools Profiler, read the flame chart, and
      find out why a component re-rendered. Then we fix the classics: a context value recreated
      on every render, a list without stable keys, and an expensive computation that belongs in
      \`useMemo\` (and two that do not).

      ~~~tsx
      <Profiler id="OrdersTable" onRender={logRender}>
        <OrdersTable orders={orders} />
      </Profiler>
      ~~~

      We close with Interaction to Next Paint and how to watch it in production.
    `,
    audience: 'Frontend engineers who work on React applications.',
    objectives: [
      'Use the React Profiler to find components that render too often',
      'Explain why a component re-rendered',
      'Fix slow renders without sprinkling memo everywhere',
    ],
    prerequisites: 'Working knowledge of React hooks. Chrome or Firefox with React DevTools installed.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['react', 'performance', 'frontend'],
    materials: [
      { title: 'React: <Profiler>', url: 'https://react.dev/reference/react/Profiler' },
      { title: 'Lab repository', url: 'https://git.example.com/frontend/react-profiling-lab' },
    ],
    owner: { team: 'Frontend', title: 'Senior Frontend Engineer' },
    schedule: { count: 3 },
  },
  {
    title: 'Accessibility testing in practice',
    summary: 'Test a real page with a keyboard, a screen reader and axe, and fix what you find.',
    description: md`
      Automated checkers find about a third of accessibility problems. The rest you find by using
      the page the way your users do. In this lab you test one of our own checkout pages three
      ways and fix the issues in code.

      - **Keyboard only**: can you reach everything, and can you see where you are?
      - **Screen reader**: VoiceOver on macOS or NVDA on Windows; we show the basic gestures.
      - **axe**: in the browser and in CI, and how to keep the CI check from becoming noise.

      Headphones recommended for the screen-reader part.
    `,
    audience: 'Frontend and mobile engineers, designers and QA engineers.',
    objectives: [
      'Test a page using only the keyboard',
      'Use a screen reader to check labels, headings and announcements',
      'Add an automated accessibility check to a CI pipeline',
    ],
    prerequisites: 'A laptop with a screen reader available (VoiceOver or NVDA) and headphones.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['accessibility', 'testing', 'frontend'],
    materials: [
      { title: 'WCAG 2.2 quick reference', url: 'https://www.w3.org/WAI/WCAG22/quickref/' },
      { title: 'Our accessibility checklist', url: 'https://wiki.example.com/frontend/accessibility-checklist' },
    ],
    owner: { team: 'Frontend', title: 'Accessibility Specialist' },
    cohosts: [{ team: 'Frontend', title: 'Product Designer' }],
    schedule: { count: 3 },
  },
  {
    title: 'Feature flags done right',
    summary: 'Release, experiment and kill-switch flags: how to use each, and how to delete them afterwards.',
    description: md`
      We have more than 1,400 feature flags, and about 600 of them have not changed in a year.
      Flags are a great way to decouple deploy from release — and a great way to make code
      unreadable.

      This talk covers the four kinds of flags we use and the rules for each:

      - **Release** flags live for days to weeks, and the team flips them.
      - **Experiment** flags live for one experiment, and the experiment platform flips them.
      - **Ops flags** (kill switches) live as long as the feature, and on-call flips them.
      - **Permission** flags live as long as the plan exists, and billing flips them.

      Plus the lint rule that reminds you to remove a release flag, and how to test both sides.
    `,
    audience: 'Engineers and product managers who ship behind flags.',
    objectives: [
      'Choose the right kind of flag for a change',
      'Use flags without leaving dead code behind',
      'Test both paths of a flagged change',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['feature-flags', 'release-engineering', 'testing'],
    materials: [{ title: 'Feature toggles (Martin Fowler)', url: 'https://martinfowler.com/articles/feature-toggles.html' }],
    owner: { team: 'Growth', title: 'Senior Full-Stack Engineer' },
    schedule: { count: 2 },
  },
  {
    title: 'Designing idempotent APIs',
    summary: 'Retries are inevitable; double charges are not. Idempotency keys, deduplication and safe retries.',
    description: md`
      Networks fail after the server has done the work but before the client hears about it. The
      client retries. Whether the customer is charged twice depends on how the API was designed.

      We look at how the payments API handles this today:

      ~~~http
      POST /v1/charges
      Idempotency-Key: 5f1c2a8e-0d1b-4c55-9a1e-3b7d2f9c6a10
      ~~~

      - storing the key with the result, in the same transaction as the side effect;
      - what to return when the same key arrives with a different body;
      - how long to keep keys, and what happens after;
      - making consumers of events idempotent too.
    `,
    audience: 'Backend engineers who build or call APIs that change state.',
    objectives: [
      'Explain why retries make idempotency necessary',
      'Use idempotency keys to make a POST endpoint safe to retry',
      'Design an event consumer that tolerates duplicates',
    ],
    prerequisites: 'You have built an HTTP API.',
    format: 'talk',
    durationMinutes: 45,
    tags: ['api-design', 'payments', 'reliability'],
    materials: [{ title: 'Stripe: idempotent requests', url: 'https://docs.stripe.com/api/idempotent_requests' }],
    owner: { team: 'Payments', title: 'Staff Engineer' },
    schedule: { count: 2 },
  },
  {
    title: 'Money is not a float',
    summary: 'Currencies, minor units, rounding and exchange rates: the bugs we have shipped and how not to.',
    description: md`
      \`0.1 + 0.2 !== 0.3\` is the famous one, but it is the least of our problems. Currencies
      with zero or three decimal places, rounding rules that differ per country, and exchange
      rates that change between quote and capture have all caused real incidents here.

      A short talk with a long Q&A. You will see our \`Money\` type and why it refuses to add
      euros to yen.
    `,
    audience: 'Any engineer whose code touches prices, invoices or payouts.',
    objectives: [
      'Represent amounts in minor units with an explicit currency',
      'Apply rounding rules at the right step',
      'Use the shared Money library',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['payments', 'correctness'],
    materials: [{ title: 'Money library README', url: 'https://git.example.com/payments/money' }],
    owner: { team: 'Payments', title: 'Senior Backend Engineer' },
    schedule: { fresh: true, count: 1 },
  },
  {
    title: 'How our mobile release train works',
    summary: 'From merge to the App Store and Google Play: branch cuts, staged rollouts and hotfixes.',
    description: md`
      The apps ship every two weeks, whether your feature is ready or not. This talk explains the
      release train so you can plan around it instead of being surprised by it.

      1. Wednesday: branch cut and the release candidate build.
      2. Thursday–Monday: QA, beta testers, store review.
      3. Tuesday: staged rollout starts at 1% and watches crash-free sessions.
      4. Hotfixes: when we do them, and the bar for calling one.

      Web engineers are very welcome: most of the questions we get are from teams whose API
      change has to wait for a release.
    `,
    audience: 'Mobile engineers, and backend or web engineers whose work ships in the apps.',
    objectives: [
      'Explain the stages of the mobile release train',
      'Plan a feature around branch cuts and staged rollouts',
      'Decide when a fix justifies a hotfix',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['mobile', 'ios', 'android', 'release-engineering'],
    materials: [{ title: 'Release calendar', url: 'https://wiki.example.com/mobile/release-calendar' }],
    owner: { team: 'Mobile', title: 'Staff Engineer' },
    cohosts: [{ team: 'Mobile', title: 'QA Engineer' }],
  },
  {
    title: 'Jetpack Compose for View-system developers',
    summary: 'Rebuild a familiar screen in Compose and learn state, recomposition and interop on the way.',
    description: md`
      New Android screens are written in Compose; most of our codebase is still Views. This lab
      is for Android developers who know the View system well and want to be productive in
      Compose quickly.

      We rebuild the order-history screen: a list, a filter bar and a detail sheet. You will
      hoist state, see recomposition happen in the Layout Inspector, and embed the new screen in
      an existing Fragment.

      ~~~kotlin
      @Composable
      fun OrderRow(order: Order, onClick: () -> Unit) {
          ListItem(
              headlineContent = { Text(order.title) },
              supportingContent = { Text(order.formattedTotal) },
              modifier = Modifier.clickable(onClick = onClick),
          )
      }
      ~~~
    `,
    audience: 'Android engineers with View-system experience.',
    objectives: [
      'Build a screen with Compose using hoisted state',
      'Explain when and why recomposition happens',
      'Use Compose inside an existing View-based screen',
    ],
    prerequisites: 'Android Studio (latest stable) with the lab project synced beforehand.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['android', 'kotlin', 'mobile'],
    materials: [{ title: 'Migrating to Compose', url: 'https://developer.android.com/develop/ui/compose/migrate' }],
    owner: { team: 'Mobile', title: 'Senior Android Engineer' },
    schedule: { count: 2, seats: 8 },
  },
  {
    title: "TypeScript generics you'll actually use",
    summary: 'Constraints, inference and mapped types through five refactors of real code from our repos.',
    description: md`
      Generics look scary in library code and turn out to be simple in application code. We skip
      the type-level puzzles and refactor five real snippets where a generic removes a cast, a
      duplicate function or an \`any\`.

      ~~~ts
      function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
        return new Map(items.map((item) => [item.id, item]));
      }
      ~~~

      Along the way: \`keyof\`, \`satisfies\`, discriminated unions and when to stop.
    `,
    audience: 'Engineers who write TypeScript daily and still reach for any now and then.',
    objectives: [
      'Write generic functions with useful constraints',
      'Use mapped and conditional types in application code',
      'Recognise when a generic makes code harder to read',
    ],
    prerequisites: 'Daily TypeScript use. Node 20 and an editor with TypeScript support.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['typescript', 'frontend'],
    materials: [{ title: 'TypeScript handbook: generics', url: 'https://www.typescriptlang.org/docs/handbook/2/generics.html' }],
    owner: { team: 'Frontend', title: 'Staff Frontend Engineer' },
    schedule: { count: 3 },
  },
  {
    title: 'Contributing a component to the design system',
    summary: 'From a one-off component in your feature to a shared, accessible, documented one.',
    description: md`
      Draft — agenda to be confirmed with the design-systems guild.

      Proposed flow: proposal issue, API review, accessibility review, docs and visual tests,
      release. We want to walk through one real contribution end to end.
    `,
    audience: 'Frontend engineers and product designers.',
    objectives: ['Propose a new component with a clear API', 'Use the design system contribution checklist'],
    prerequisites: null,
    format: 'discussion',
    durationMinutes: 60,
    tags: ['design-system', 'react', 'accessibility'],
    materials: [],
    owner: { team: 'Frontend', title: 'Design Systems Engineer' },
    cohosts: [{ team: 'Frontend', title: 'Product Designer' }],
    draft: true,
  },
  {
    title: 'PCI DSS essentials for engineers',
    summary: 'What the card-data rules mean for your code, logs and laptop: the yearly course, made practical.',
    description: md`
      Every engineer with access to the cardholder data environment takes this course once a
      year. We have rewritten it around the decisions you actually make: what may be logged, where
      card data may flow, how access is reviewed and what to do when something looks wrong.

      The course has three parts with short breaks:

      1. **Scope**: which systems are in the cardholder data environment, and how to keep yours out.
      2. **Daily practice**: logging, secrets, code review and change management.
      3. **Incidents**: spotting a possible exposure and who to call.

      Attendance counts towards the annual compliance requirement.
    `,
    audience: 'Engineers, SREs and support staff with access to payment systems.',
    objectives: [
      'Explain which systems are in PCI scope and why',
      'Apply the logging and data-handling rules to your own service',
      'Report a suspected exposure correctly',
    ],
    prerequisites: 'Access to the payments systems, or a request for it in progress.',
    format: 'course',
    durationMinutes: 180,
    tags: ['pci', 'compliance', 'payments', 'security'],
    materials: [
      { title: 'PCI Security Standards Council', url: 'https://www.pcisecuritystandards.org/' },
      { title: 'Our PCI handbook', url: 'https://wiki.example.com/payments/pci-handbook' },
    ],
    owner: { team: 'Payments', title: 'Technical Program Manager' },
    cohosts: [{ team: 'Security', title: 'Senior Security Engineer' }],
    schedule: { count: 3, seats: 30 },
  },
];
