/**
 * What the organization teaches: topic areas, each with technologies (their concepts, for
 * "Intro to Terraform modules", and their problems, for "Debugging Kafka consumer lag") and
 * practice subjects ("incident reviews"). Titles, descriptions, tags and channels are built from these.
 */
import { INFRA_AREAS } from './org-topics-infra.js';
import { PRODUCT_AREAS } from './org-topics-product.js';
import type { Area } from './org-topics-types.js';

export type { Area, Tech } from './org-topics-types.js';

export const AREAS: readonly Area[] = [...INFRA_AREAS, ...PRODUCT_AREAS];

/** Channels that are not about one area: places, formats and communities. */
export const COMMUNITY_CHANNELS: readonly { name: string; about: string }[] = [
  { name: 'Lightning Talks', about: 'five minutes, one idea, every other Friday' },
  { name: 'Paper Reading Group', about: 'one systems or ML paper a fortnight, discussed' },
  { name: 'Book Club', about: 'engineering books, a chapter at a time' },
  { name: 'Conference Recaps', about: 'what colleagues brought back from conferences' },
  { name: 'Hackathons', about: 'hack weeks: ideas, teams and demos' },
  { name: 'Tech Radar', about: 'what we adopt, trial, assess and hold' },
  { name: 'Brown Bag Lunches', about: 'informal lunchtime talks' },
  { name: 'Green Software', about: 'measuring and reducing the footprint of our software' },
  { name: 'Privacy Engineering', about: 'privacy by design, data minimisation and GDPR in code' },
  { name: 'Women in Engineering', about: 'a community for women and non-binary engineers and allies' },
  { name: 'Demo Days', about: 'teams show what they shipped this month' },
  { name: 'Coding Dojos', about: 'katas and mob programming, for the fun of practice' },
  { name: 'Writing Club', about: 'feedback on blog posts, docs and design docs' },
  { name: 'Engineering Blog', about: 'from draft to published post on our engineering blog' },
  { name: 'Security Awareness', about: 'phishing, passwords and staying safe, for everyone' },
  { name: 'Remote Learning', about: 'online-first sessions across time zones' },
  { name: 'Side Projects', about: 'things colleagues build in their spare time' },
  { name: 'Interns & Graduates', about: 'sessions for early-career engineers' },
  { name: 'Architecture Reviews', about: 'open design reviews anyone can sit in on' },
  { name: 'Mob Programming', about: 'whole-team programming sessions, open to visitors' },
  { name: 'Tech Talks Live', about: 'our monthly company-wide tech talk' },
];
