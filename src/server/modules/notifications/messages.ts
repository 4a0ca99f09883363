import { DateTime } from 'luxon';
import type { WeeklySummaryMail } from '../../../contracts/index.js';
import type { DeliveryContext } from './delivery.repository.js';
import type { MessagePayload, Topic } from './notifier.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "Tuesday 3 March 2026, 10:00–11:30 CET", in the reader's zone; the planning zone too when it differs. */
export function when(ctx: DeliveryContext): string {
  const zone = ctx.person.time_zone;
  const start = DateTime.fromISO(ctx.session.starts_at, { zone });
  const end = DateTime.fromISO(ctx.session.ends_at, { zone });
  const local = `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${end.toFormat('HH:mm ZZZZ')}`;
  if (zone === ctx.session.time_zone) return local;
  const there = DateTime.fromISO(ctx.session.starts_at, { zone: ctx.session.time_zone });
  return `${local} (${there.toFormat('HH:mm')} in ${ctx.session.time_zone})`;
}

function where(ctx: DeliveryContext): string[] {
  const lines: string[] = [];
  if (ctx.session.mode !== 'online' && ctx.session.location) lines.push(`Where: ${ctx.session.location}`);
  if (ctx.session.mode !== 'in_person' && ctx.session.video_url) lines.push(`Video link: ${ctx.session.video_url}`);
  if (ctx.session.mode === 'online' && !ctx.session.video_url) lines.push('Where: online (the link follows)');
  return lines;
}

const closing = (ctx: DeliveryContext, payload: MessagePayload) =>
  payload.feedback
    ? DateTime.fromISO(payload.feedback.closesAt, { zone: ctx.person.time_zone }).toFormat('cccc d LLLL')
    : 'two weeks after the session';

const deadline = (ctx: DeliveryContext) =>
  ctx.registration?.offer_expires_at
    ? DateTime.fromISO(ctx.registration.offer_expires_at, { zone: ctx.person.time_zone }).toFormat('cccc d LLLL, HH:mm ZZZZ')
    : 'soon';

/** The subject and the opening sentence per message type. */
function headline(topic: Topic, ctx: DeliveryContext, payload: MessagePayload): { subject: string; lead: string } {
  const title = ctx.session.title;
  switch (topic) {
    case 'registration.enrolled':
      return {
        subject: `You're in: ${title}`,
        lead: `You have a seat at "${title}". The invitation is attached: add it to your calendar.`,
      };
    case 'registration.promoted':
      return { subject: `A seat opened up: you're in ${title}`, lead: `Good news: a seat opened up at "${title}" and it is yours.` };
    case 'registration.waitlisted':
      return {
        subject: `Waitlist #${ctx.registration?.position ?? '?'}: ${title}`,
        lead: `"${title}" is full. You are number ${ctx.registration?.position ?? '?'} on the waitlist; we'll write as soon as a seat is yours.`,
      };
    case 'registration.offered':
      return {
        subject: `A seat is yours if you want it: ${title}`,
        lead: `A seat opened up at "${title}". Confirm by ${deadline(ctx)}, or it goes to the next person in line.`,
      };
    case 'registration.cancelled':
      return { subject: `Cancelled: your place at ${title}`, lead: `Your registration for "${title}" is cancelled.` };
    case 'session.updated':
      return {
        subject: `Changed: ${title}`,
        lead: `The session of "${title}" changed${payload.changes?.length ? ` (${payload.changes.join(', ')})` : ''}. Here is how it stands now.`,
      };
    case 'session.cancelled':
      return { subject: `Cancelled: ${title}`, lead: `The session of "${title}" is cancelled. We're sorry for the change of plans.` };
    case 'reminder.48h':
      return { subject: `Coming up: ${title}`, lead: `A reminder: you have a seat at "${title}". The invitation is attached again.` };
    case 'reminder.1h':
      return {
        subject: `Starting in an hour: ${title}`,
        lead: ctx.session.video_url ? `"${title}" starts in an hour. Join here: ${ctx.session.video_url}` : `"${title}" starts in an hour.`,
      };
    case 'session.thanks':
      return {
        subject: `Thank you for coming: ${title}`,
        lead: `Thank you for joining "${title}". The materials are below, to look back at.`,
      };
    case 'session.message':
      return {
        subject: `${payload.message?.subject ?? 'A message'} (${title})`,
        lead: `${payload.message?.author ?? 'The host'} wrote to everyone registered for "${title}":`,
      };
    case 'session.recording':
      return {
        subject: `Recording available: ${title}`,
        lead: `The recording of "${title}" is available, with what was shared; watch it when it suits you.`,
      };
    case 'session.scheduled':
      if (payload.fromWaitlist) {
        return {
          subject: `Another session: ${title}`,
          lead: `You are on the waitlist for "${title}". The hosts scheduled another session: register for it if it suits you; your place on the waitlist stays until you leave it.`,
        };
      }
      return {
        subject: `It runs again: ${title}`,
        lead: `You asked to hear when "${title}" runs again. A new session is open for registration.`,
      };
    case 'host.checklist':
      return {
        subject: `Checklist: ${payload.checklist?.items.length ?? 0} to do for ${title}`,
        lead: `From the checklist you opted in to reminders for, for "${title}":`,
      };
    case 'host.digest':
      return { subject: 'Your sessions yesterday: roster changes', lead: 'Who joined and who left your upcoming sessions yesterday:' };
    case 'feedback.requested':
      return {
        subject: `How was it? ${title}`,
        lead: `Thank you for joining "${title}". How was it? Two ratings and, if you like, a line or two: it takes under a minute, your host learns from it, and names are never shown to hosts.`,
      };
    case 'feedback.reminder':
      return {
        subject: `A minute for your feedback? ${title}`,
        lead: `Your host would like to know how "${title}" went for you. Answer by ${closing(ctx, payload)}; names are never shown to hosts.`,
      };
    case 'feedback.follow_up':
      return {
        subject: `Have you applied it? ${title}`,
        lead: `A few weeks ago you said you planned to apply what you learned at "${title}". Have you? One click: not yet, a little, or a lot.`,
      };
    case 'host.feedback_summary':
      return {
        subject: `Feedback on your session: ${title}`,
        lead: `The feedback window of your session of "${title}" closed. Here is what people said:`,
      };
    case 'analytics.weekly':
      // Written by renderWeeklySummary: it is about no session.
      return { subject: 'Your weekly learning summary', lead: 'What happened last week, against the week before.' };
    case 'host.left':
      return payload.leaver?.alone
        ? {
            subject: `No host left: ${title}`,
            lead: `${payload.leaver.name} left the company and was the only host of "${title}", which still has sessions to come. Find a new host, or cancel them.`,
          }
        : {
            subject: `A co-host left: ${title}`,
            lead: `${payload.leaver?.name ?? 'A co-host'} left the company; you host "${title}" on without them.`,
          };
    case 'manager.suggested':
      // Written by renderSuggestion: it is about no session.
      return { subject: `Your manager suggests: ${title}`, lead: `Your manager suggests "${title}".` };
    case 'host.low_turnout':
      return {
        subject: `Few registrations so far: ${title}`,
        lead: `${payload.turnout?.taken ?? 0} of ${payload.turnout?.seats ?? 0} seats are taken for your session of "${title}". A word in your team's channel often helps; or move it to a better time.`,
      };
  }
}

/** The workshop's materials (JSON list of { title, url } or plain links) as lines. */
function materials(ctx: DeliveryContext): string[] {
  try {
    const list = JSON.parse(ctx.session.materials) as ({ title?: string; url?: string } | string)[];
    return list.map((m) => (typeof m === 'string' ? m : [m.title, m.url].filter(Boolean).join(': ')));
  } catch {
    return [];
  }
}

/** What was shared after the session (its own materials, JSON [{ title, url }]). */
function sessionMaterials(ctx: DeliveryContext): { title: string; url: string }[] {
  try {
    const list = JSON.parse(ctx.session.session_materials ?? '[]') as { title?: string; url?: string }[];
    return list.flatMap((m) => (m.title && m.url ? [{ title: m.title, url: m.url }] : []));
  } catch {
    return [];
  }
}

/** What a message says beyond the facts: a host's words, the materials, checklist items, roster changes. */
function bodyLines(topic: Topic, payload: MessagePayload, ctx: DeliveryContext, publicUrl: string): string[] {
  switch (topic) {
    case 'session.message':
      return (payload.message?.body ?? '').split('\n');
    case 'session.thanks':
      return materials(ctx);
    case 'session.recording':
      return [
        ...(ctx.session.recording_url ? [`Recording: ${ctx.session.recording_url}`] : []),
        ...sessionMaterials(ctx).map((m) => `${m.title}: ${m.url}`),
        '',
        `Everything from the session: ${publicUrl}/workshops/${ctx.session.workshop_id}`,
      ];
    case 'host.checklist':
      return [
        ...(payload.checklist?.items ?? []).map((i) => `• ${i}`),
        '',
        `Open the checklist: ${publicUrl}/workshops/${payload.checklist?.workshopId}/checklist`,
      ];
    case 'host.digest':
      return (payload.digest ?? []).map((d) => {
        const on = DateTime.fromISO(d.startsAt, { zone: ctx.person.time_zone }).toFormat('ccc d LLL, HH:mm');
        return `• ${d.title} (${on}): ${d.joined} joined, ${d.left} left`;
      });
    case 'feedback.requested': {
      // The ask is the thank-you too (nobody asked gets a separate one): it carries the materials.
      const list = materials(ctx);
      return [...feedbackLink(ctx, payload, publicUrl), ...(list.length > 0 ? ['', 'The materials, to look back at:', ...list] : [])];
    }
    case 'feedback.reminder':
      return feedbackLink(ctx, payload, publicUrl);
    case 'feedback.follow_up':
      return [`Answer here: ${publicUrl}/my/learning?followUps=1`];
    case 'host.feedback_summary':
      return summaryLines(payload, ctx, publicUrl);
    default:
      return [];
  }
}

const feedbackLink = (ctx: DeliveryContext, payload: MessagePayload, publicUrl: string) => [
  `Give your feedback: ${publicUrl}/sessions/${ctx.session.id}/feedback`,
  `Open until ${closing(ctx, payload)}.`,
];

const one = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/** The host's summary: figures and comments, or why there are none (fewer than three answers). */
function summaryLines(payload: MessagePayload, ctx: DeliveryContext, publicUrl: string): string[] {
  const s = payload.feedbackSummary;
  if (!s) return [];
  const lines = [`${s.responses} of ${s.asked} people answered.`];
  if (s.hidden) {
    lines.push('Fewer than three people answered, so the figures and comments stay hidden: nobody can be singled out.');
  } else {
    lines.push(`Overall rating: ${one(s.rating)} / 5`, `Useful for their work: ${one(s.usefulness)} / 5`);
    if (s.willApply !== null) lines.push(`Plan to apply it: ${s.willApply} of ${s.responses}`);
    if (s.worked.length > 0) lines.push('', 'What worked:', ...s.worked.map((c) => `• ${c}`));
    if (s.improve.length > 0) lines.push('', 'What to improve:', ...s.improve.map((c) => `• ${c}`));
  }
  lines.push('', `All of it, with the trend across runs: ${publicUrl}/workshops/${ctx.session.workshop_id}/feedback`);
  return lines;
}

/** A mail in plain text and HTML; every time in the recipient's time zone. */
export function renderMail(topic: Topic, payload: MessagePayload, ctx: DeliveryContext, publicUrl: string): RenderedMail {
  const { subject, lead } = headline(topic, ctx, payload);
  // A digest spans several sessions: it links to the host's workshops instead of one session.
  const digest = topic === 'host.digest';
  const link = digest ? `${publicUrl}/my/workshops` : `${publicUrl}/workshops/${ctx.session.workshop_id}?session=${ctx.session.id}`;
  const hosts = ctx.hosts.map((h) => h.name).join(', ');
  const facts = digest ? [] : [`When: ${when(ctx)}`, ...where(ctx), ...(hosts ? [`Hosted by: ${hosts}`] : [])];
  // What the message is about beyond the facts: a host's words, or the materials after a session.
  const body = bodyLines(topic, payload, ctx, publicUrl);
  const text = [
    `Hi ${ctx.person.name},`,
    '',
    lead,
    ...(body.length > 0 ? ['', ...body] : []),
    '',
    ...facts,
    '',
    `Details: ${link}`,
    '',
    '— Lyceum',
  ].join('\n');
  const html = [
    `<p>Hi ${escapeHtml(ctx.person.name)},</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    ...(body.length > 0 ? [`<p>${body.map(escapeHtml).join('<br>')}</p>`] : []),
    `<ul>${facts.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(link)}">${digest ? 'Open your workshops in Lyceum' : 'Open the session in Lyceum'}</a></p>`,
    '<p>— Lyceum</p>',
  ].join('\n');
  return { subject, text, html };
}

/** "12 (+3)", "4.2 (−0.3)", "none (was 2)": a figure beside its change since the week before. */
function change(figure: { value: number | null; previous: number | null }, places = 0): string {
  const show = (n: number) => n.toFixed(places);
  if (figure.value === null) return figure.previous === null ? 'none' : `none (was ${show(figure.previous)})`;
  if (figure.previous === null) return `${show(figure.value)} (none the week before)`;
  const delta = Number((figure.value - figure.previous).toFixed(places));
  if (delta === 0) return `${show(figure.value)} (same)`;
  return `${show(figure.value)} (${delta > 0 ? '+' : '−'}${show(Math.abs(delta))})`;
}

/** The weekly learning summary for admins who opted in: last week's figures against the week before. */
export function renderWeeklySummary(summary: WeeklySummaryMail, person: { name: string }, publicUrl: string): RenderedMail {
  const f = summary.figures;
  const days = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d LLLL');
  const subject = `Learning last week: ${f.sessionsHeld.value ?? 0} sessions, ${f.learners.value ?? 0} learners`;
  const lead = `What happened from ${days(summary.period.from)} to ${days(summary.period.to)} (UTC), against the week before:`;
  const lines = [
    `Sessions held: ${change(f.sessionsHeld)}`,
    `Learners (people who attended): ${change(f.learners)}`,
    `Learning hours: ${change(f.learningHours, 1)}`,
    `Average rating: ${change(f.averageRating, 1)}`,
    `Unmet demand (waited without a seat, wishes, open requests): ${change(f.unmetDemand)}`,
  ];
  const link = `${publicUrl}/admin/dashboard`;
  const footer = 'You get this because you chose to in your profile (Weekly learning summary).';
  const text = [`Hi ${person.name},`, '', lead, '', ...lines, '', `The dashboard: ${link}`, '', footer, '', '— Lyceum'].join('\n');
  const html = [
    `<p>Hi ${escapeHtml(person.name)},</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(link)}">Open the dashboard in Lyceum</a></p>`,
    `<p>${escapeHtml(footer)}</p>`,
    '<p>— Lyceum</p>',
  ].join('\n');
  return { subject, text, html };
}

/** A manager's suggestion: which workshop, their note, and that the report decides (nothing is booked). */
export function renderSuggestion(
  s: { workshopId: string; workshopTitle: string; managerName: string; note: string | null },
  person: { name: string },
  publicUrl: string,
): RenderedMail {
  const subject = `${s.managerName} suggests a workshop: ${s.workshopTitle}`;
  const lead = `${s.managerName} thinks "${s.workshopTitle}" could be worth your time.`;
  const note = s.note ? [`${s.managerName} wrote:`, ...s.note.split('\n')] : [];
  const decide = 'Nothing is booked for you: have a look, and register for a session if it suits you.';
  const link = `${publicUrl}/workshops/${s.workshopId}`;
  const text = [
    `Hi ${person.name},`,
    '',
    lead,
    ...(note.length > 0 ? ['', ...note] : []),
    '',
    decide,
    '',
    `The workshop: ${link}`,
    '',
    '— Lyceum',
  ].join('\n');
  const html = [
    `<p>Hi ${escapeHtml(person.name)},</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    ...(note.length > 0 ? [`<p>${note.map(escapeHtml).join('<br>')}</p>`] : []),
    `<p>${escapeHtml(decide)}</p>`,
    `<p><a href="${escapeHtml(link)}">Open the workshop in Lyceum</a></p>`,
    '<p>— Lyceum</p>',
  ].join('\n');
  return { subject, text, html };
}
