/**
 * How the 20,000 people are organised: disciplines (with their share of the headcount, team
 * names and titles), divisions led by VPs, and the product domains teams are named after.
 */
import type { OfficeKey } from '../shared/places.js';

export type DisciplineKey =
  | 'backend'
  | 'frontend'
  | 'mobile'
  | 'platform'
  | 'infrastructure'
  | 'sre'
  | 'data'
  | 'ml'
  | 'security'
  | 'qa'
  | 'databases'
  | 'search'
  | 'analytics'
  | 'design'
  | 'product';

export type DivisionKey = 'product-eng' | 'infrastructure' | 'data-ai' | 'security' | 'product-design';

export interface Discipline {
  name: string;
  division: DivisionKey;
  /** Relative headcount. */
  share: number;
  /** Team names are "<domain> <label>": "Checkout Web", "Fraud ML". */
  labels: readonly string[];
  manager: string;
  titles: readonly (readonly [string, number])[];
}

export const DIVISIONS: Record<DivisionKey, string> = {
  'product-eng': 'VP Engineering, Product Engineering',
  infrastructure: 'VP Engineering, Infrastructure',
  'data-ai': 'VP Engineering, Data & AI',
  security: 'Chief Information Security Officer',
  'product-design': 'VP Product & Design',
};

export const DISCIPLINES: Record<DisciplineKey, Discipline> = {
  backend: {
    name: 'Backend',
    division: 'product-eng',
    share: 17,
    labels: ['Backend', 'Services', 'Core'],
    manager: 'Engineering Manager',
    titles: [
      ['Software Engineer', 6],
      ['Backend Engineer', 5],
      ['Senior Software Engineer', 5],
      ['Senior Backend Engineer', 3],
      ['Staff Engineer', 1],
      ['Principal Engineer', 0.3],
    ],
  },
  frontend: {
    name: 'Frontend',
    division: 'product-eng',
    share: 12,
    labels: ['Web', 'Frontend'],
    manager: 'Engineering Manager',
    titles: [
      ['Frontend Engineer', 6],
      ['Senior Frontend Engineer', 4],
      ['Full-Stack Engineer', 3],
      ['Staff Frontend Engineer', 0.7],
      ['Design Systems Engineer', 0.8],
    ],
  },
  mobile: {
    name: 'Mobile',
    division: 'product-eng',
    share: 8,
    labels: ['iOS', 'Android', 'Mobile'],
    manager: 'Engineering Manager',
    titles: [
      ['iOS Engineer', 4],
      ['Android Engineer', 4],
      ['Senior iOS Engineer', 2],
      ['Senior Android Engineer', 2],
      ['Staff Mobile Engineer', 0.5],
    ],
  },
  qa: {
    name: 'Quality',
    division: 'product-eng',
    share: 4,
    labels: ['Quality'],
    manager: 'QA Manager',
    titles: [
      ['QA Engineer', 5],
      ['Test Automation Engineer', 4],
      ['Senior QA Engineer', 2],
    ],
  },
  platform: {
    name: 'Platform',
    division: 'infrastructure',
    share: 7,
    labels: ['Platform', 'Developer Tools'],
    manager: 'Engineering Manager',
    titles: [
      ['Platform Engineer', 6],
      ['Senior Platform Engineer', 4],
      ['Developer Experience Engineer', 2],
      ['Staff Platform Engineer', 0.7],
    ],
  },
  infrastructure: {
    name: 'Infrastructure',
    division: 'infrastructure',
    share: 6,
    labels: ['Infrastructure', 'Cloud'],
    manager: 'Engineering Manager',
    titles: [
      ['Infrastructure Engineer', 5],
      ['Cloud Engineer', 3],
      ['Senior Infrastructure Engineer', 3],
      ['Network Engineer', 1],
      ['Staff Infrastructure Engineer', 0.5],
    ],
  },
  sre: {
    name: 'Reliability',
    division: 'infrastructure',
    share: 6,
    labels: ['SRE', 'Reliability'],
    manager: 'SRE Manager',
    titles: [
      ['Site Reliability Engineer', 6],
      ['Senior SRE', 4],
      ['Observability Engineer', 1],
      ['Staff SRE', 0.6],
    ],
  },
  databases: {
    name: 'Databases',
    division: 'infrastructure',
    share: 2,
    labels: ['Databases', 'Storage'],
    manager: 'Engineering Manager',
    titles: [
      ['Database Reliability Engineer', 4],
      ['Database Engineer', 3],
      ['Senior Database Engineer', 2],
    ],
  },
  data: {
    name: 'Data',
    division: 'data-ai',
    share: 8,
    labels: ['Data', 'Data Platform'],
    manager: 'Data Engineering Manager',
    titles: [
      ['Data Engineer', 6],
      ['Senior Data Engineer', 4],
      ['Analytics Engineer', 2],
      ['Staff Data Engineer', 0.6],
    ],
  },
  ml: {
    name: 'Machine Learning',
    division: 'data-ai',
    share: 6,
    labels: ['ML', 'Applied Science'],
    manager: 'ML Engineering Manager',
    titles: [
      ['Machine Learning Engineer', 5],
      ['Data Scientist', 4],
      ['Senior Machine Learning Engineer', 3],
      ['Applied Scientist', 2],
      ['MLOps Engineer', 1],
    ],
  },
  search: {
    name: 'Search',
    division: 'data-ai',
    share: 2,
    labels: ['Search', 'Relevance'],
    manager: 'Engineering Manager',
    titles: [
      ['Search Engineer', 5],
      ['Relevance Engineer', 2],
      ['Senior Search Engineer', 2],
    ],
  },
  analytics: {
    name: 'Analytics',
    division: 'data-ai',
    share: 4,
    labels: ['Analytics', 'Insights'],
    manager: 'Analytics Manager',
    titles: [
      ['Data Analyst', 6],
      ['Senior Data Analyst', 3],
      ['Analytics Engineer', 2],
    ],
  },
  security: {
    name: 'Security',
    division: 'security',
    share: 4,
    labels: ['Security'],
    manager: 'Security Engineering Manager',
    titles: [
      ['Security Engineer', 5],
      ['Application Security Engineer', 3],
      ['Senior Security Engineer', 3],
      ['Security Analyst', 2],
      ['Staff Security Engineer', 0.5],
    ],
  },
  design: {
    name: 'Design',
    division: 'product-design',
    share: 5,
    labels: ['Design', 'UX'],
    manager: 'Design Manager',
    titles: [
      ['Product Designer', 6],
      ['Senior Product Designer', 3],
      ['UX Researcher', 2],
      ['Content Designer', 1],
      ['Accessibility Specialist', 0.5],
    ],
  },
  product: {
    name: 'Product',
    division: 'product-design',
    share: 5,
    labels: ['Product'],
    manager: 'Group Product Manager',
    titles: [
      ['Product Manager', 6],
      ['Senior Product Manager', 3],
      ['Technical Program Manager', 2],
      ['Product Operations Manager', 1],
    ],
  },
};

export const DOMAINS: readonly string[] = [
  'Payments',
  'Checkout',
  'Identity',
  'Notifications',
  'Catalog',
  'Pricing',
  'Logistics',
  'Messaging',
  'Onboarding',
  'Billing',
  'Fraud',
  'Maps',
  'Recommendations',
  'Ads',
  'Accounts',
  'Reporting',
  'Inventory',
  'Support Tools',
  'Partner APIs',
  'Loyalty',
  'Reviews',
  'Subscriptions',
  'Trust & Safety',
  'Growth',
  'Marketplace',
  'Delivery',
  'Routing',
  'Compliance',
  'Tax',
  'Invoicing',
  'Insurance',
  'Lending',
  'Wallet',
  'Rewards',
  'Travel',
  'Bookings',
  'Calendar',
  'Chat',
  'Video',
  'Media',
  'Content',
  'Localization',
  'Merchant Tools',
  'Seller Platform',
  'Customer Care',
  'Returns',
  'Warehouse',
  'Forecasting',
  'Personalization',
  'Experimentation',
  'Feature Flags',
  'Developer Portal',
  'Build',
  'CI',
  'Runtime',
  'Compute',
  'Storage',
  'Edge',
  'Service Mesh',
  'Observability',
  'Incident Tools',
  'Streaming',
  'Lakehouse',
  'Feature Store',
  'Model Serving',
  'Labeling',
  'Access',
  'Secrets',
  'Detection',
  'Privacy',
  'Design System',
  'Accessibility',
  'Mobile Foundations',
  'Web Foundations',
  'Documents',
  'Email',
  'Sign-up',
  'Profiles',
  'Admin Console',
  'Internal Tools',
];

/** Where people sit: the demo's offices (shared/places.ts), weighted by size. Remote people work online only. */
export const OFFICE_WEIGHTS: readonly (readonly [OfficeKey, number])[] = [
  ['ams', 22],
  ['lon', 15],
  ['nyc', 14],
  ['sfo', 10],
  ['blr', 14],
  ['tyo', 6],
  ['sao', 7],
  ['ber', 5],
  ['yyz', 4],
  ['nbo', 3],
];
