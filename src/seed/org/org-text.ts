/**
 * Workshop titles, summaries and Markdown descriptions composed from the topic words: "Debugging
 * Kafka consumer lag", "Intro to Terraform modules", "Kubernetes operators in practice". Each
 * pattern also says which formats it suits, so a "… office hours" title is office hours.
 */

import type { WorkshopsTable } from '../../server/db/schema.js';
import type { Random } from '../shared/random.js';
import type { Area, Tech } from './org-topics.js';

export type Format = WorkshopsTable['format'];
export type Level = 'beginner' | 'intermediate' | 'advanced';
export type Kind = 'concept' | 'problem' | 'tech' | 'practice';

export interface Topic {
  area: Area;
  tech: Tech | null;
  /** The concept, problem or practice the workshop is about; null for the technology as a whole. */
  subject: string | null;
  /** Another technology of the area, for "Migrating from X to Y". */
  other: Tech | null;
  kind: Kind;
}

interface Pattern {
  kind: Kind;
  weight: number;
  title: (x: Words) => string | null;
  formats: readonly (readonly [Format, number])[];
  level: Level;
}

interface Words {
  tech: string;
  /** The tech as a modifier: "LLM" for "LLMs". */
  adj: string;
  /** "Terraform modules", "the Node.js event loop", "Kafka Connect". */
  phrase: string;
  subject: string;
  other: string | null;
  runs: boolean;
  area: Area;
  forWhom: string;
}

const TALK = [
  ['talk', 3],
  ['hands_on_lab', 1],
] as const;
const LAB = [
  ['hands_on_lab', 4],
  ['talk', 1],
] as const;
const INTRO = [
  ['talk', 3],
  ['hands_on_lab', 2],
  ['course', 1],
] as const;
const DEEP = [
  ['talk', 3],
  ['course', 1],
] as const;
const TALK_OR_DISCUSSION = [
  ['talk', 2],
  ['discussion', 1],
] as const;
const OFFICE_HOURS = [['office_hours', 1]] as const;

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const MODIFIER: Record<string, string> = { LLMs: 'LLM', SLOs: 'SLO', CDNs: 'CDN', 'A/B testing': 'A/B test' };
const FOR_WHOM = [
  'data engineers',
  'backend engineers',
  'SREs',
  'frontend engineers',
  'mobile engineers',
  'product managers',
  'new joiners',
  'managers',
];

const PATTERNS: readonly Pattern[] = [
  { kind: 'concept', weight: 3, title: (x) => `Intro to ${x.phrase}`, formats: INTRO, level: 'beginner' },
  { kind: 'concept', weight: 2, title: (x) => `${cap(x.phrase)} in practice`, formats: LAB, level: 'intermediate' },
  { kind: 'concept', weight: 1.5, title: (x) => `Deep dive: ${x.phrase}`, formats: DEEP, level: 'advanced' },
  { kind: 'concept', weight: 1.5, title: (x) => `Getting started with ${x.phrase}`, formats: INTRO, level: 'beginner' },
  {
    kind: 'concept',
    weight: 1,
    title: (x) => `${cap(x.phrase)}: patterns and pitfalls`,
    formats: TALK_OR_DISCUSSION,
    level: 'intermediate',
  },
  {
    kind: 'concept',
    weight: 1,
    title: (x) => `Advanced ${x.phrase}`,
    formats: [
      ['course', 2],
      ['hands_on_lab', 2],
      ['talk', 1],
    ],
    level: 'advanced',
  },
  {
    kind: 'concept',
    weight: 1,
    title: (x) => `${cap(x.phrase)} from scratch`,
    formats: [
      ['hands_on_lab', 3],
      ['course', 1],
    ],
    level: 'beginner',
  },
  { kind: 'concept', weight: 1, title: (x) => `Understanding ${x.phrase}`, formats: TALK, level: 'intermediate' },
  {
    kind: 'problem',
    weight: 2,
    title: (x) => `Debugging ${x.adj} ${x.subject}`,
    formats: [
      ['hands_on_lab', 2],
      ['talk', 2],
    ],
    level: 'intermediate',
  },
  { kind: 'problem', weight: 1, title: (x) => `Fixing ${x.subject} in ${x.tech}`, formats: LAB, level: 'intermediate' },
  { kind: 'problem', weight: 1, title: (x) => `Taming ${x.adj} ${x.subject}`, formats: TALK, level: 'intermediate' },
  {
    kind: 'problem',
    weight: 1,
    title: (x) => `A field guide to ${x.adj} ${x.subject}`,
    formats: TALK_OR_DISCUSSION,
    level: 'intermediate',
  },
  {
    kind: 'problem',
    weight: 0.7,
    title: (x) => `Lessons from ${x.adj} ${x.subject} incidents`,
    formats: TALK_OR_DISCUSSION,
    level: 'advanced',
  },
  { kind: 'problem', weight: 1, title: (x) => `Preventing ${x.subject} in ${x.tech}`, formats: TALK, level: 'intermediate' },
  { kind: 'tech', weight: 1.5, title: (x) => `Intro to ${x.tech}`, formats: INTRO, level: 'beginner' },
  {
    kind: 'tech',
    weight: 0.7,
    title: (x) => `${cap(x.tech)} 101`,
    formats: [
      ['course', 2],
      ['talk', 1],
    ],
    level: 'beginner',
  },
  { kind: 'tech', weight: 1.2, title: (x) => `${cap(x.tech)} office hours`, formats: OFFICE_HOURS, level: 'intermediate' },
  { kind: 'tech', weight: 0.6, title: (x) => `What's new in ${x.tech}`, formats: [['talk', 1]], level: 'intermediate' },
  { kind: 'tech', weight: 1, title: (x) => `${cap(x.tech)} for ${x.forWhom}`, formats: TALK, level: 'beginner' },
  { kind: 'tech', weight: 0.5, title: (x) => `${cap(x.tech)} at our scale`, formats: TALK_OR_DISCUSSION, level: 'advanced' },
  {
    kind: 'tech',
    weight: 0.6,
    title: (x) => (x.other ? `Migrating from ${x.other} to ${x.tech}` : null),
    formats: TALK,
    level: 'intermediate',
  },
  { kind: 'tech', weight: 1.5, title: (x) => (x.runs ? `Running ${x.tech} on Kubernetes` : null), formats: LAB, level: 'intermediate' },
  {
    kind: 'practice',
    weight: 2,
    title: (x) => `Intro to ${x.subject}`,
    formats: [
      ['talk', 2],
      ['course', 1],
      ['discussion', 1],
    ],
    level: 'beginner',
  },
  {
    kind: 'practice',
    weight: 2,
    title: (x) => `${cap(x.subject)} in practice`,
    formats: [
      ['hands_on_lab', 2],
      ['discussion', 2],
    ],
    level: 'intermediate',
  },
  { kind: 'practice', weight: 1, title: (x) => `Better ${x.subject}`, formats: TALK_OR_DISCUSSION, level: 'intermediate' },
  {
    kind: 'practice',
    weight: 1,
    title: (x) =>
      `${cap(x.subject)} for ${x.area.key === 'leadership' ? 'new managers' : x.area.key === 'onboarding' ? 'new joiners' : 'engineers'}`,
    formats: [
      ['talk', 2],
      ['course', 1],
    ],
    level: 'beginner',
  },
  {
    kind: 'practice',
    weight: 1,
    title: (x) => `${cap(x.subject)}: a hands-on workshop`,
    formats: [['hands_on_lab', 1]],
    level: 'intermediate',
  },
  { kind: 'practice', weight: 0.8, title: (x) => `The art of ${x.subject}`, formats: TALK, level: 'intermediate' },
  { kind: 'practice', weight: 0.6, title: (x) => `${cap(x.subject)} office hours`, formats: OFFICE_HOURS, level: 'intermediate' },
  { kind: 'practice', weight: 0.6, title: (x) => `Lessons learned from ${x.subject}`, formats: TALK_OR_DISCUSSION, level: 'advanced' },
  { kind: 'practice', weight: 0.8, title: (x) => `A field guide to ${x.subject}`, formats: TALK, level: 'intermediate' },
  { kind: 'practice', weight: 0.6, title: (x) => `Getting better at ${x.subject}`, formats: [['discussion', 1]], level: 'intermediate' },
];

/** "Terraform modules"; "the Node.js event loop"; "Kafka Connect" (the concept already names it). */
export function phrase(tech: Tech, concept: string): string {
  if (concept.startsWith('the ')) return `the ${tech.name} ${concept.slice(4)}`;
  if (concept.split(' ')[0] === tech.name.split(' ')[0]) return concept;
  return `${MODIFIER[tech.name] ?? tech.name} ${concept}`;
}

export interface Composed {
  title: string;
  format: Format;
  level: Level;
}

/** A title for the topic, by a pattern of its kind (null when that pattern does not fit). */
export function composeTitle(random: Random, topic: Topic): Composed | null {
  const candidates = PATTERNS.filter((p) => p.kind === topic.kind);
  const pattern = random.weighted(candidates.map((p) => [p, p.weight] as const));
  const tech = topic.tech;
  const subject = topic.subject ?? '';
  const words: Words = {
    tech: tech?.name ?? '',
    adj: tech ? (MODIFIER[tech.name] ?? tech.name) : '',
    phrase: tech && topic.subject ? phrase(tech, topic.subject) : subject,
    subject,
    other: topic.other?.name ?? null,
    runs: tech?.runs === true,
    area: topic.area,
    forWhom: random.pick(FOR_WHOM),
  };
  const title = pattern.title(words);
  if (title === null) return null;
  return { title: cap(title), format: random.weighted(pattern.formats), level: pattern.level };
}

export const FORMAT_NOUN: Record<Format, string> = {
  talk: 'talk',
  hands_on_lab: 'lab',
  discussion: 'discussion',
  course: 'course',
  office_hours: 'drop-in session',
};
