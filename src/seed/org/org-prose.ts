/**
 * The prose around a generated title: a one-line summary, a Markdown description (an opening,
 * "What we will cover", who it is for, what to bring), objectives, prerequisites and materials.
 */
import type { Random } from '../shared/random.js';
import { slugify } from '../shared/text.js';
import { FORMAT_NOUN, type Format, type Level, phrase, type Topic } from './org-text.js';

const AUDIENCE: Record<string, string> = {
  backend: 'backend engineers',
  frontend: 'frontend engineers',
  mobile: 'mobile engineers',
  qa: 'QA engineers',
  platform: 'platform engineers',
  infrastructure: 'infrastructure engineers',
  sre: 'SREs',
  databases: 'database engineers',
  data: 'data engineers',
  ml: 'ML engineers and data scientists',
  search: 'search engineers',
  analytics: 'analysts',
  security: 'security engineers',
  design: 'designers',
  product: 'product managers',
};

/** Areas whose workshops usually run on, or talk about, our Kubernetes platform. */
const ON_THE_PLATFORM = new Set([
  'platform',
  'cloud',
  'reliability',
  'observability',
  'databases',
  'data',
  'ml',
  'search',
  'networking',
  'devex',
]);

export interface Prose {
  summary: string;
  description: string;
  audience: string;
  objectives: string[];
  prerequisites: string | null;
  materials: { title: string; url: string }[];
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function compose(random: Random, topic: Topic, title: string, format: Format, level: Level, durationMinutes: number): Prose {
  const { area, tech } = topic;
  const name = tech?.name ?? '';
  const subject = topic.subject ?? name;
  const about =
    tech && topic.kind === 'concept' && topic.subject
      ? phrase(tech, topic.subject)
      : tech && topic.kind === 'problem'
        ? `${name} ${subject}`
        : subject;
  const other = tech ? (tech.concepts.filter((c) => c !== topic.subject) as string[]) : [];
  const problem = tech ? random.pick(tech.problems) : null;
  const noun = FORMAT_NOUN[format];
  const platform = ON_THE_PLATFORM.has(area.key) && random.chance(0.4);

  const summaries: string[] =
    topic.kind === 'concept'
      ? [
          `A practical introduction to ${about}, with examples from our own services.`,
          `Everything you need to start using ${about} with confidence.`,
          `${cap(about)} explained with real examples from our codebase, plus the mistakes we made so you don't have to.`,
          `Build a working example of ${about} step by step and take the code home.`,
          `What changes when you take ${about} to production, and the checklist we now use.`,
        ]
      : topic.kind === 'problem'
        ? [
            `${cap(about)}: the usual causes, the dashboards that reveal them and the fixes that last.`,
            `A walkthrough of real ${about} incidents from our post-mortems, and the fixes that stuck.`,
            `Reproduce ${about} in a sandbox, find the root cause and fix it, step by step.`,
          ]
        : topic.kind === 'tech'
          ? format === 'office_hours'
            ? [`Bring your ${name} questions: people who run ${name} every day answer them live.`]
            : [
                `A guided tour of ${name} for people who have never used it, with a sandbox to keep.`,
                `How we use ${name} across the company, what works well and where it hurts.`,
                `${cap(name)} in ${durationMinutes} minutes: the mental model, the tooling and the conventions we follow.`,
              ]
          : [
              `A hands-on session on ${subject}, with templates and examples from teams here.`,
              `Practical techniques for ${subject} that you can use the same week.`,
              `Colleagues share what works for ${subject}, and what does not.`,
            ];
  const summary = random.pick(summaries);

  const opening = random.pick([
    `${tech ? cap(name) : cap(subject)} sits at the heart of ${area.about}. This ${noun} focuses on ${about} and on the decisions you face once it is in production.`,
    `Most questions we get in #${area.tag}-help are about ${about}. This ${noun} answers the common ones and shows how teams here handle the rest.`,
    `We have run ${about} in production for a few years now, and learned most of it the hard way. In this ${noun} we share what we know so you can skip some of that.`,
    `This ${noun} is for anyone who works with ${tech ? name : subject} and wants a clear picture of ${about}, beyond copying the examples from the wiki.`,
  ]);
  const cover = tech
    ? [
        ...random.sample(other, Math.min(2, other.length)).map((c) => `${phrase(tech, c)}: how it works and when to reach for it;`),
        problem && topic.subject !== problem ? `diagnosing ${problem} from metrics, logs and traces;` : null,
        `how teams here run ${name} in production, with real examples;`,
        platform ? 'deploying it on our Kubernetes platform, with manifests you can copy;' : null,
        random.chance(0.5) ? 'the review checklist we use before shipping changes;' : null,
        'questions and answers.',
      ]
    : [
        `the case for investing in ${subject};`,
        'examples from teams here, good and bad;',
        `a template for ${subject} you can adapt;`,
        format === 'hands_on_lab' || format === 'discussion'
          ? 'practice in small groups, with feedback;'
          : 'common pitfalls and how to avoid them;',
        'questions and answers.',
      ];
  const bullets = cover.filter((b): b is string => b !== null).map((b) => `- ${b}`);
  const disciplines = area.disciplines.map((d) => AUDIENCE[d] ?? d);
  const audience =
    level === 'beginner'
      ? `${cap(disciplines.slice(0, 2).join(' and '))} new to ${tech ? name : subject}; anyone curious is welcome.`
      : level === 'advanced'
        ? `${cap(disciplines.slice(0, 2).join(' and '))} who already use ${tech ? name : 'these practices'} day to day.`
        : `${cap(disciplines.join(', '))}.`;
  const prerequisites =
    level === 'beginner'
      ? random.chance(0.5)
        ? null
        : `No prior ${tech ? name : subject} experience needed.`
      : format === 'hands_on_lab'
        ? `A laptop with VPN access${tech ? ` and a working ${name} setup (see the wiki)` : ''}.`
        : random.chance(0.5)
          ? null
          : `Some experience with ${tech ? name : subject}.`;

  const sections = [opening, '', '## What we will cover', '', ...bullets, '', '## Who should come', '', audience];
  if (prerequisites) sections.push('', '## Before you come', '', prerequisites);
  if (platform) sections.push('', 'All examples run on our internal Kubernetes platform; the sandbox namespace stays yours for a week.');
  if (format === 'office_hours')
    sections.push('', `No slides, no agenda. Post your question in \`#${area.tag}-help\` beforehand if you like.`);

  const objectives = tech
    ? [
        `Explain the role of ${about} in our stack`,
        problem ? `Diagnose ${name} ${problem} using metrics and logs` : `Decide when ${name} is the right tool`,
        `Apply ${about} to a service you own`,
        `Review a colleague's ${name} change with confidence`,
      ]
    : [
        `Run ${subject} with your own team`,
        `Recognise the common pitfalls of ${subject}`,
        `Adapt the template for ${subject} to your context`,
      ];
  const slug = slugify(title, 60);
  const materials = [
    {
      title: tech ? `${name} at the company (wiki)` : `${cap(subject)} (wiki)`,
      url: `https://wiki.example.com/${area.key}/${tech?.slug ?? slugify(subject)}`,
    },
    { title: 'Slides', url: `https://slides.example.com/${slug}` },
  ].slice(0, random.int(0, 2));

  return {
    summary,
    description: sections.join('\n'),
    audience,
    objectives: random.sample(objectives, random.int(2, Math.min(4, objectives.length))),
    prerequisites,
    materials,
  };
}
