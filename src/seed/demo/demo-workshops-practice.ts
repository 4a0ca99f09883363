/** Demo workshops on security and engineering practice, and the Developer Education team's own. */

import { md } from '../shared/text.js';
import { FIRST_DEMO_EMAIL } from './demo-people.js';
import type { WorkshopSpec } from './demo-types.js';

export const PRACTICE_WORKSHOPS: WorkshopSpec[] = [
  {
    title: 'Threat modeling your service in 60 minutes',
    summary: 'Draw your service, ask four questions, leave with a ranked list of risks and fixes.',
    description: md`
      Threat modeling has a reputation for week-long workshops and 80-page documents. It does not
      have to. Bring a service you work on; in one hour your team will have a data-flow diagram, a
      list of threats and the three you will fix first.

      We use the four-question framework:

      1. What are we working on?
      2. What can go wrong?
      3. What are we going to do about it?
      4. Did we do a good job?

      STRIDE cards help with question two. A security engineer joins each table to keep things
      moving, not to grade you.
    `,
    audience: 'Engineering teams, ideally two or three people from the same service.',
    objectives: [
      'Draw a data-flow diagram with trust boundaries',
      'Use STRIDE to find threats in your own design',
      'Prioritise threats by likelihood and impact',
    ],
    prerequisites: 'Come with a service or feature you know well. Teams of two or three work best.',
    format: 'discussion',
    durationMinutes: 60,
    tags: ['security', 'threat-modeling', 'architecture'],
    materials: [
      { title: 'OWASP threat modeling', url: 'https://owasp.org/www-community/Threat_Modeling' },
      { title: 'Threat model template', url: 'https://wiki.example.com/security/threat-model-template' },
    ],
    owner: { team: 'Security', title: 'Senior Security Engineer' },
    cohosts: [{ team: 'Security', title: 'Application Security Engineer' }],
    schedule: { count: 4, cancel: [3] },
  },
  {
    title: 'Secrets management with Vault',
    summary: 'Stop putting credentials in environment files: dynamic database credentials and secret rotation.',
    description: md`
      Every leaked credential we found last year was a long-lived static secret. This lab moves a
      sample service from a \`.env\` file to Vault, step by step.

      - Authenticate the service with its Kubernetes service account.
      - Read a static secret, then replace it with short-lived database credentials.
      - Rotate a secret without a deploy.
      - Audit: who read what, and when.

      ~~~bash
      vault read database/creds/orders-readonly
      ~~~
    `,
    audience: 'Backend engineers and SREs who manage service credentials.',
    objectives: [
      'Use Vault to issue short-lived database credentials',
      'Rotate a secret without redeploying',
      'Explain the Kubernetes auth method',
    ],
    prerequisites: 'Basic Kubernetes knowledge (the Kubernetes platform intro is enough).',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['security', 'vault', 'secrets'],
    materials: [{ title: 'Vault documentation', url: 'https://developer.hashicorp.com/vault/docs' }],
    owner: { team: 'Security', title: 'Security Engineer' },
    cohosts: [{ team: 'Platform', title: 'Senior Platform Engineer' }],
    schedule: { count: 2 },
  },
  {
    title: 'Supply-chain security: signing and verifying builds',
    summary: 'What SLSA levels mean, why we sign images, and what the admission controller now checks.',
    description: md`
      From next quarter, clusters only run images that were built by our CI and signed. This talk
      explains why, what changes for you (very little, if you use the standard pipeline) and what
      to do when a deploy is rejected.

      Covers build provenance, image signing, dependency pinning and the new admission policy.
    `,
    audience: 'All engineers who build and deploy services.',
    objectives: ['Explain what build provenance proves', 'Diagnose a deploy rejected by the admission policy'],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['security', 'supply-chain', 'ci'],
    materials: [{ title: 'SLSA framework', url: 'https://slsa.dev/' }],
    owner: { team: 'Security', title: 'Staff Security Engineer' },
    schedule: { fresh: true, count: 2 },
  },
  {
    title: 'Property-based testing',
    summary: 'Let the computer write your edge cases: properties, generators and shrinking, in TypeScript.',
    description: md`
      Example-based tests check the cases you thought of. Property-based tests check hundreds you
      did not, and when one fails, shrink it to the smallest input that breaks your code.

      We start with a serializer round-trip (\`decode(encode(x))\` equals \`x\`), move on to a
      currency-conversion function and finish with a stateful test of a shopping cart.

      ~~~ts
      fc.assert(
        fc.property(fc.array(fc.integer()), (xs) => {
          const sorted = sort(xs);
          return sorted.length === xs.length && isAscending(sorted);
        }),
      );
      ~~~

      Examples use fast-check; the ideas carry over to Hypothesis (Python) and jqwik (Java).
    `,
    audience: 'Engineers who write unit tests and want them to find more bugs.',
    objectives: [
      'Identify properties worth testing in your own code',
      'Use generators and shrinking to find minimal failing cases',
      'Write a stateful property-based test',
    ],
    prerequisites: 'Comfortable writing unit tests in any language; examples are in TypeScript.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['testing', 'property-based-testing', 'typescript'],
    materials: [
      { title: 'fast-check documentation', url: 'https://fast-check.dev/' },
      { title: 'Hypothesis documentation', url: 'https://hypothesis.readthedocs.io/' },
    ],
    owner: { team: 'Payments', title: 'Backend Engineer' },
    schedule: { count: 2 },
  },
  {
    title: 'Go concurrency patterns',
    summary: 'Goroutines, channels and context, and the patterns that keep them from leaking.',
    description: md`
      Go makes starting concurrent work trivial and stopping it surprisingly hard. This lab works
      through the patterns we use in our infrastructure services: worker pools, fan-out/fan-in,
      pipelines with cancellation and \`errgroup\`.

      Every exercise comes with a test that fails under \`go test -race\` until you fix it.

      ~~~go
      g, ctx := errgroup.WithContext(ctx)
      for _, host := range hosts {
          g.Go(func() error { return probe(ctx, host) })
      }
      return g.Wait()
      ~~~
    `,
    audience: 'Engineers who write Go and have met their first goroutine leak.',
    objectives: ['Use context to cancel concurrent work', 'Build a bounded worker pool', 'Find data races with the race detector'],
    prerequisites: 'Go 1.22+ installed; basic Go syntax.',
    format: 'hands_on_lab',
    durationMinutes: 120,
    tags: ['go', 'concurrency'],
    materials: [
      { title: 'Go concurrency patterns: pipelines', url: 'https://go.dev/blog/pipelines' },
      { title: 'Exercises', url: 'https://git.example.com/infrastructure/go-concurrency-lab' },
    ],
    owner: { team: 'Infrastructure', title: 'Infrastructure Engineer' },
    schedule: { count: 3 },
  },
  {
    title: 'Writing design docs people actually read',
    summary: 'Shorter, clearer, decided faster: we workshop the first page of your next design doc.',
    description: md`
      The average design doc here is eleven pages and gets two comments. The best ones are three
      pages and get decided in a week.

      In this discussion we look at what the good ones have in common: the decision stated up
      front, the alternatives taken seriously, the non-goals written down. Then we rewrite the
      first page of a doc someone in the room is working on.
    `,
    audience: 'Engineers who write or review design docs.',
    objectives: [
      'Structure a design doc around the decision it needs',
      'Write non-goals and alternatives that prevent long review threads',
    ],
    prerequisites: 'Bring the first page of a design doc you are writing (optional).',
    format: 'discussion',
    durationMinutes: 60,
    tags: ['writing', 'design-docs', 'architecture'],
    materials: [{ title: 'Design doc template', url: 'https://wiki.example.com/engineering/design-doc-template' }],
    owner: { team: 'Platform', title: 'Staff Engineer' },
    cohosts: [{ team: 'Developer Education', title: 'Technical Writer' }],
    schedule: { count: 2 },
  },
  {
    title: 'Code review that helps',
    summary: 'Faster reviews, kinder comments, better code: what reviewers and authors can each do.',
    description: md`
      Our median pull request waits nineteen hours for a first review. Some of that is time zones;
      a lot of it is pull requests that are hard to review.

      This discussion is split in two halves:

      - **As an author**: small changes, a description that says why, and pointing the reviewer
        at the risky part.
      - **As a reviewer**: what to look for first, labelling nits as nits, and when to move to a
        call.

      We will use a few real (and consenting) pull requests as examples.
    `,
    audience: 'Everyone who opens or reviews pull requests.',
    objectives: ['Prepare a pull request that is quick to review', 'Write review comments that are clear about what is blocking'],
    prerequisites: null,
    format: 'discussion',
    durationMinutes: 60,
    tags: ['code-review', 'collaboration'],
    materials: [{ title: "Google's code review guidelines", url: 'https://google.github.io/eng-practices/review/' }],
    owner: { team: 'Growth', title: 'Senior Full-Stack Engineer' },
  },
  {
    title: 'Your first workshop: from idea to session in a week',
    summary: 'You know something others want to learn. Here is how to turn it into a good session, fast.',
    description: md`
      Most of the workshops in this catalog were created by engineers who had never taught before.
      This talk is the short version of what the Developer Education team has learned from helping
      them.

      - Start from what people should be able to **do** afterwards, not from your slides.
      - Plan for practice: a good session is at least half exercises or discussion.
      - Run a dry run with two colleagues; it catches most problems.
      - Ask for feedback, and read it.

      Afterwards, book a slot in the workshop design clinic if you want help with yours.
    `,
    audience: 'Anyone thinking about hosting a workshop, talk or course.',
    objectives: [
      'Write learning objectives for your session',
      'Plan a session with enough time for practice',
      'Use the Lyceum checklist to prepare',
    ],
    prerequisites: null,
    format: 'talk',
    durationMinutes: 45,
    tags: ['teaching', 'developer-education'],
    materials: [{ title: 'Hosting guide', url: 'https://wiki.example.com/devedu/hosting-guide' }],
    owner: { email: FIRST_DEMO_EMAIL },
    cohosts: [{ team: 'Developer Education', title: 'Instructional Designer' }],
    schedule: { count: 3 },
  },
  {
    title: 'Workshop design clinic',
    summary: 'Thirty minutes with an instructional designer to shape your workshop idea.',
    description: md`
      Bring an idea, an outline or a finished deck. We help with objectives, exercises, timing
      and the description that makes people register.

      Book a half-hour slot in the session chat, or just show up.
    `,
    audience: 'Current and future workshop hosts.',
    objectives: ['Turn a topic into a session plan with objectives and exercises'],
    prerequisites: null,
    format: 'office_hours',
    durationMinutes: 60,
    tags: ['teaching', 'developer-education'],
    materials: [],
    owner: { team: 'Developer Education', title: 'Instructional Designer' },
    cohosts: [{ email: FIRST_DEMO_EMAIL }],
    schedule: { count: 3, modes: ['online'], seats: 6 },
  },
  {
    title: 'Git beyond commit and push',
    summary: 'Bisect a regression, rewrite history safely, and juggle branches with worktrees.',
    description: md`
      A hands-on tour of the Git features that save real time once you know them:

      1. \`git bisect run\` to find the commit that broke a test, automatically.
      2. Interactive rebase with \`--autosquash\` for tidy pull requests.
      3. \`git worktree\` to review a colleague's branch without stashing.
      4. \`git reflog\`: undo almost anything.

      Each exercise is a small repository with something to find or fix.
    `,
    audience: 'Engineers who use Git every day but mostly through four commands.',
    objectives: ['Use git bisect to find a regression', 'Rewrite a branch with interactive rebase', 'Recover lost work with the reflog'],
    prerequisites: 'Git 2.40+ installed; a terminal you are comfortable in.',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['git', 'developer-productivity'],
    materials: [{ title: 'git bisect documentation', url: 'https://git-scm.com/docs/git-bisect' }],
    owner: { team: 'Platform', title: 'Developer Experience Engineer' },
    schedule: { count: 3 },
  },
  {
    title: 'Rust for Go and Java developers',
    summary: 'A four-part course on ownership, borrowing and error handling for experienced engineers.',
    description: md`
      Draft. We are considering Rust for the next version of the edge proxy and want more people
      able to review it.

      Planned parts: ownership and borrowing; traits and generics; errors and async; a small
      service end to end.
    `,
    audience: 'Experienced Go or Java engineers.',
    objectives: ['Explain ownership and borrowing', 'Write a small async service in Rust'],
    prerequisites: 'Several years with Go, Java or C++.',
    format: 'course',
    durationMinutes: 180,
    tags: ['rust', 'go'],
    materials: [{ title: 'The Rust book', url: 'https://doc.rust-lang.org/book/' }],
    owner: { team: 'Infrastructure', title: 'Senior Infrastructure Engineer' },
    draft: true,
  },
];
