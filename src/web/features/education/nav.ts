/**
 * The education team's (admins') pages: where the app links to them, and the section nav they
 * share. The routes themselves are in src/web/router.tsx; the server guards every one of them.
 */

/** Where "Education team" in the header, the phone menu and the account menu leads. */
export const educationHome: { to: string; label: string } = { to: '/admin/dashboard', label: 'Education team' };

/** Every page under it belongs to the education team (the main nav marks "Education team" there). */
export const isEducationPath = (pathname: string) => pathname.startsWith('/admin');

export const educationSections = [
  { to: '/admin/dashboard', label: 'Dashboard', match: (p: string) => p.startsWith('/admin/dashboard') },
  { to: '/admin/feedback', label: 'Feedback', match: (p: string) => p.startsWith('/admin/feedback') },
  {
    to: '/admin/checklists',
    label: 'Templates',
    match: (p: string) => p === '/admin/checklists' || /^\/admin\/checklists\/(?!suggestions|adoption)/.test(p),
  },
  { to: '/admin/checklists/suggestions', label: 'Suggestions', match: (p: string) => p.startsWith('/admin/checklists/suggestions') },
  { to: '/admin/checklists/adoption', label: 'Adoption', match: (p: string) => p.startsWith('/admin/checklists/adoption') },
  { to: '/admin/outbox', label: 'Outbox', match: (p: string) => p.startsWith('/admin/outbox') },
  { to: '/admin/mailbox', label: 'Mailbox', match: (p: string) => p.startsWith('/admin/mailbox') },
  { to: '/admin/webhooks', label: 'Webhooks', match: (p: string) => p.startsWith('/admin/webhooks') },
  { to: '/admin/audit', label: 'Audit log', match: (p: string) => p.startsWith('/admin/audit') },
  { to: '/admin/people', label: 'People', match: (p: string) => p.startsWith('/admin/people') },
] as const;
