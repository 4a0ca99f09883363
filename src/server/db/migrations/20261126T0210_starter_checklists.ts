import type { Kysely } from 'kysely';
import { migrationId } from './migration-ids.js';

/**
 * The three templates Lyceum ships, as data: version 1 of each, published. From here on the
 * education team edits them in the app (new versions), so this runs once per database.
 *
 * The data is frozen here as it was when this migration was written (a copy of
 * modules/checklists/starter-templates.ts of that day): a migration never imports application
 * code, so later edits to the starter templates cannot change what this migration inserts.
 */
interface FrozenItem {
  key: string;
  phase: 'analysis' | 'design' | 'development' | 'implementation' | 'evaluation';
  when: 'before' | 'during' | 'after';
  text: string;
  guidance: string;
  offsetDays: number | null;
  links: { title: string; url: string }[];
}

interface FrozenTemplate {
  id: string;
  name: string;
  description: string;
  formats: string[];
  items: FrozenItem[];
}

const starterTemplates: FrozenTemplate[] = [
  {
    id: '01970000-0000-7000-8000-00000000c001',
    name: 'Workshop essentials (ADDIE)',
    description:
      'The basics of a good workshop, from knowing your audience to checking what people applied months later. Use what helps and mark the rest "not applicable".',
    formats: ['discussion', 'course', 'office_hours'],
    items: [
      {
        key: 'ess-audience-named',
        phase: 'analysis',
        when: 'before',
        text: 'The audience is named: who the workshop is for and what they already know.',
        guidance:
          'Everything else (depth, examples, pace) depends on who is in the room. Write one line naming the roles or teams and their starting point. Example: *"Backend engineers who have shipped a service but never written a Terraform module."*',
        offsetDays: -28,
        links: [
          {
            title: 'ADDIE model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/ADDIE_Model',
          },
        ],
      },
      {
        key: 'ess-problem-stated',
        phase: 'analysis',
        when: 'before',
        text: 'You can say in one sentence what problem this workshop solves for attendees.',
        guidance:
          'People come, and remember, when a session fixes a problem they actually have. Finish the sentence *"After this, you will no longer have to …"*. Example: *"…ask the platform team every time you need a new queue."*',
        offsetDays: -28,
        links: [],
      },
      {
        key: 'ess-learners-asked',
        phase: 'analysis',
        when: 'before',
        text: 'You have asked two or three likely attendees what they struggle with on this topic.',
        guidance:
          'Experts easily teach what they find interesting rather than what others find hard. A 10-minute chat or a one-question Slack poll is enough. Example: *"What is the last thing about our deploy pipeline that confused you?"*',
        offsetDays: -21,
        links: [],
      },
      {
        key: 'ess-right-format',
        phase: 'analysis',
        when: 'before',
        text: 'A live workshop is the right tool: the topic is not already covered by a doc, a recording or another workshop.',
        guidance:
          "Search the catalog and the wiki first. If a good doc exists, link it and spend the session on practice and questions instead of repeating it. If all people need is a reference, a doc may serve them better than an hour of everyone's time.",
        offsetDays: -21,
        links: [],
      },
      {
        key: 'ess-prerequisites-listed',
        phase: 'analysis',
        when: 'before',
        text: 'The description lists prerequisites and says who the workshop is not for.',
        guidance:
          'Clear prerequisites keep the session at one level, so you do not lose half the room in either direction. Example: *"You should be comfortable with SQL joins. Not for people who already tune query plans."*',
        offsetDays: -21,
        links: [],
      },
      {
        key: 'ess-objectives',
        phase: 'design',
        when: 'before',
        text: 'There are at most three objectives, each written as "attendees will be able to …".',
        guidance:
          'Objectives decide what stays in and what gets cut. Use a verb you could observe (write, debug, choose, explain), not "understand" or "know about". Example: *"Attendees will be able to add a feature flag to a service and roll it out to 5% of traffic."*',
        offsetDays: -21,
        links: [
          {
            title: "Bloom's taxonomy (Wikipedia)",
            url: 'https://en.wikipedia.org/wiki/Bloom%27s_taxonomy',
          },
          {
            title: 'Backward design (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Backward_design',
          },
        ],
      },
      {
        key: 'ess-practice-per-objective',
        phase: 'design',
        when: 'before',
        text: 'Each objective has an activity where attendees practise it, not only hear about it.',
        guidance:
          'People learn a skill by doing it, ideally with someone around to help. Plan at least one short activity per objective. Example: for *"choose the right index"*, show three slow queries and have pairs pick an index for each before you reveal the answer.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'ess-interaction-cadence',
        phase: 'design',
        when: 'before',
        text: 'The agenda has an interaction at least every 15–20 minutes.',
        guidance:
          'Attention drops after about 15 minutes of listening. An interaction can be small: a question to the room, a poll, a prediction before a demo, a two-minute "try it now". Mark them in your agenda so you do not skip them when time gets tight.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'ess-agenda-timed',
        phase: 'design',
        when: 'before',
        text: 'The agenda is timed, with 10–20% slack and a section you can drop if you run late.',
        guidance:
          'Sessions nearly always run longer than planned, and the end (practice, questions) is what gets squeezed. Example: for 60 minutes, plan 50 and mark the optional deep-dive you will skip if you are behind at the half-way point.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'ess-real-examples',
        phase: 'design',
        when: 'before',
        text: 'Examples use our own systems, code or sanitized data rather than generic textbook ones.',
        guidance:
          'Real context is what an internal workshop offers that an external course cannot, and it makes the skill easier to apply on Monday. Use a real service or incident, but strip secrets and customer data first.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'ess-materials-reviewed',
        phase: 'development',
        when: 'before',
        text: 'Materials are ready and a colleague has checked them for accuracy.',
        guidance:
          'A second pair of eyes catches outdated commands and wrong diagrams before a room full of people does. Ask someone who knows the system to skim slides and exercises. Example: *"Can you check the rollback steps on slides 12–15 still match prod?"*',
        offsetDays: -10,
        links: [],
      },
      {
        key: 'ess-accessible',
        phase: 'development',
        when: 'before',
        text: 'Materials are readable by everyone: large text, good contrast, nothing conveyed by colour alone.',
        guidance:
          'Small code on a shared screen or a projector is the most common complaint. Use at least 24pt for code and 28pt for text, and add labels, not only red and green. Turn on captions for remote sessions and recordings if your tools offer them.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'ess-one-link',
        phase: 'development',
        when: 'before',
        text: 'There is one link where attendees find everything: agenda, slides, repo, and later the recording.',
        guidance:
          'A single page saves a flood of "where are the slides?" messages. Put it in the workshop description and on your first and last slide. Example: a wiki page or the repo README with a "Materials" section.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'ess-dry-run',
        phase: 'development',
        when: 'before',
        text: 'You have done a timed dry run with a colleague.',
        guidance:
          'A dry run is the cheapest way to find the confusing parts and the sections that run long; first dry runs often run 30% over. Go through it at real speed with one person from the target audience, time each section, and fix the top three issues.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'ess-setup-sent',
        phase: 'development',
        when: 'before',
        text: 'Materials, prerequisites and setup steps were sent to attendees beforehand.',
        guidance:
          'Setup done in the session eats the time meant for learning. Send it 3–5 working days ahead with an estimate of how long it takes, and repeat it in the reminder the day before. Example: *"Allow 15 minutes: clone the repo, run `make check`, it should print OK."*',
        offsetDays: -5,
        links: [],
      },
      {
        key: 'ess-cohost',
        phase: 'implementation',
        when: 'before',
        text: 'A co-host or helper is lined up to watch the chat, the time and the room.',
        guidance:
          'It is hard to present and notice a raised hand or a stuck attendee at the same time. Ask a colleague to keep an eye on questions and give you time signals. Example: *"Wave at me at 40 minutes and read out any chat questions at the breaks."*',
        offsetDays: -3,
        links: [],
      },
      {
        key: 'ess-logistics-tested',
        phase: 'implementation',
        when: 'before',
        text: 'Room, video link, screen sharing and recording were tested the day before.',
        guidance:
          'Ten lost minutes at the start is a sixth of an hour-long session. Join the call or visit the room, share your screen at the resolution you will use, and start and stop a test recording. Note who to call if the room AV fails.',
        offsetDays: -1,
        links: [],
      },
      {
        key: 'ess-objectives-stated',
        phase: 'implementation',
        when: 'during',
        text: 'You stated the objectives at the start and came back to them at the end.',
        guidance:
          'Knowing where the session is going helps people focus and notice what matters. One slide at the start, the same slide at the end. Example closing: *"We said you would be able to roll out a flag to 5% of traffic; you all just did."*',
        offsetDays: null,
        links: [],
      },
      {
        key: 'ess-check-understanding',
        phase: 'implementation',
        when: 'during',
        text: 'You checked understanding with specific questions rather than only "any questions?".',
        guidance:
          '"Any questions?" mostly gets silence, even from people who are lost. Ask something they have to answer from what you just showed. Example: *"If this alert fires at 3am, which dashboard do you open first?"*',
        offsetDays: null,
        links: [],
      },
      {
        key: 'ess-on-time',
        phase: 'implementation',
        when: 'during',
        text: 'The session started and ended on time; open questions moved to a channel or office hours.',
        guidance:
          'Ending on time respects the next meeting on everyone’s calendar and keeps people coming back. Park questions you cannot finish in a shared doc or channel and answer them within a day.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'ess-attendance',
        phase: 'evaluation',
        when: 'during',
        text: 'Attendance was captured: who actually came, not only who registered.',
        guidance:
          'You need the list of attendees for the feedback request and the follow-up later on. Mark attendance in Lyceum during the session, or export the call participant list before you close it.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'ess-learning-check',
        phase: 'evaluation',
        when: 'during',
        text: 'Before leaving, attendees showed they can do each objective: an exercise, a quiz or a quick "try it".',
        guidance:
          'This is the *learning* level of the Kirkpatrick model: did they learn it, not only enjoy it. Keep it short and low-stakes. Example: a three-question poll, or *"Paste the command you would run to roll back into the chat."*',
        offsetDays: null,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
      {
        key: 'ess-feedback-request',
        phase: 'evaluation',
        when: 'after',
        text: 'A short feedback request went out within 24 hours.',
        guidance:
          'This is the *reaction* level of the Kirkpatrick model, and answers drop off quickly after a day. Keep it to three questions. Example: *"How useful was this (1–5)? What should I keep? What should I change?"*',
        offsetDays: 1,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
      {
        key: 'ess-feedback-reviewed',
        phase: 'evaluation',
        when: 'after',
        text: 'You read the feedback and wrote down one or two changes for the next run.',
        guidance:
          'Feedback only helps if it changes something. Look for patterns rather than single comments, and note them where you will see them next time. Example: a "Next time" section at the top of your speaker notes.',
        offsetDays: 7,
        links: [],
      },
      {
        key: 'ess-applied-follow-up',
        phase: 'evaluation',
        when: 'after',
        text: 'After 30–90 days, you asked attendees what they have applied in their work.',
        guidance:
          'This is the *behaviour* level of the Kirkpatrick model, and the real test of a workshop. Send one or two questions to the attendee list. Example: *"Have you used feature flags since the workshop? What got in the way?"* The answers tell you what to change or follow up on.',
        offsetDays: 60,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
    ],
  },
  {
    id: '01970000-0000-7000-8000-00000000c002',
    name: 'Hands-on lab',
    description:
      'For sessions where attendees work through exercises on their own machines. Focuses on setup that works, help in the room and time for practice.',
    formats: ['hands_on_lab'],
    items: [
      {
        key: 'lab-audience-skills',
        phase: 'analysis',
        when: 'before',
        text: 'The audience is named, with the tools and skills they need before they start.',
        guidance:
          'In a lab, a missing skill stalls someone for the whole session. Name the audience and list what they must already be comfortable with. Example: *"Backend engineers who can use git, Docker and a terminal; no Kubernetes experience needed."*',
        offsetDays: -28,
        links: [
          {
            title: 'ADDIE model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/ADDIE_Model',
          },
        ],
      },
      {
        key: 'lab-skill-needed-soon',
        phase: 'analysis',
        when: 'before',
        text: 'Attendees will need this skill in their work within a few weeks.',
        guidance:
          'Skills practised once and not used again fade quickly. Aim the lab at teams with a real, near-term need, and schedule it close to that need. Example: run the "writing your first migration" lab the month before the database upgrade.',
        offsetDays: -28,
        links: [],
      },
      {
        key: 'lab-objectives',
        phase: 'design',
        when: 'before',
        text: 'There are at most three objectives, each "attendees will be able to …" and each practised in an exercise.',
        guidance:
          'Each exercise should exist to practise an objective; if one does not, cut it. Use observable verbs. Example: *"Attendees will be able to write a load test for an endpoint and read its latency percentiles."*',
        offsetDays: -21,
        links: [
          {
            title: "Bloom's taxonomy (Wikipedia)",
            url: 'https://en.wikipedia.org/wiki/Bloom%27s_taxonomy',
          },
        ],
      },
      {
        key: 'lab-short-explanations',
        phase: 'design',
        when: 'before',
        text: 'Explanations are short (10 minutes or less) and each one is followed directly by an exercise.',
        guidance:
          'People remember what they do right after hearing it. Alternate: show a little, then have them do it, so nobody listens for more than 15–20 minutes in a row. Put longer background in a handout they can read later.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'lab-exercise-timing',
        phase: 'design',
        when: 'before',
        text: 'Each exercise has a time box and a stretch goal for people who finish early.',
        guidance:
          'Estimate how long an exercise takes you, then roughly triple it for attendees; aim for at least half the session hands-on. A stretch goal keeps fast finishers busy. Example: *"Exercise 2: 15 min. Stretch: add a retry with backoff."*',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'lab-clean-machine',
        phase: 'development',
        when: 'before',
        text: 'The setup steps were tested end to end on a clean machine or a fresh account.',
        guidance:
          'Your laptop has credentials, caches and tools that attendees do not. Use a new VM, a fresh container or a colleague’s laptop, and follow only the written steps. Fix every step where you had to improvise.',
        offsetDays: -10,
        links: [],
      },
      {
        key: 'lab-checkpoints',
        phase: 'development',
        when: 'before',
        text: 'Each exercise has a checkpoint (a branch or tag) to catch up from, and there is a solutions branch.',
        guidance:
          'One failed step should not lock someone out of the rest of the lab. Example: tags `ex1-start`, `ex2-start`, … and a `solutions` branch, so anyone behind can run `git checkout ex3-start` and keep going.',
        offsetDays: -10,
        links: [],
      },
      {
        key: 'lab-setup-fallback',
        phase: 'development',
        when: 'before',
        text: 'There is a fallback for when local setup fails: a cloud dev environment, a prepared container or pairing with a neighbour.',
        guidance:
          'Some setups will fail on the day, usually for reasons you cannot fix in five minutes. Decide the fallback in advance and write it in the instructions. Example: a ready-made cloud workspace link, or "pair with the person next to you".',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'lab-dry-run',
        phase: 'development',
        when: 'before',
        text: 'A colleague did the exercises in a timed dry run, using only the written instructions.',
        guidance:
          'Watching someone else do the exercises shows where the instructions are unclear and how long each one really takes. Do not help unless they are completely stuck; each time you do, fix the instructions. Adjust your time boxes to their times.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'lab-prerequisites-sent',
        phase: 'development',
        when: 'before',
        text: 'Prerequisites and setup steps were sent at least 3 working days before, with a way to check setup works.',
        guidance:
          'Installing tools in the session wastes everyone’s time and the network. Include how long setup takes and a single check command. Example: *"Allow 20 minutes. Run `make doctor`; it should print ALL GOOD. If not, post in #lab-help."*',
        offsetDays: -5,
        links: [],
      },
      {
        key: 'lab-helpers',
        phase: 'implementation',
        when: 'before',
        text: 'Helpers are lined up (about one per 8–10 attendees) and have done the exercises themselves.',
        guidance:
          'In a lab, the bottleneck is unblocking people, not presenting. Helpers who have done the exercises can fix most problems without interrupting you. Brief them on the common errors you saw in the dry run.',
        offsetDays: -3,
        links: [],
      },
      {
        key: 'lab-access-provisioned',
        phase: 'implementation',
        when: 'before',
        text: 'Accounts, permissions, quotas and sandboxes were provisioned and tested the day before.',
        guidance:
          'Access problems cannot be fixed by attendees and often take hours to resolve. Log in with a test account and run the first exercise in the real sandbox. Use short-lived credentials and never put real secrets in the repo.',
        offsetDays: -1,
        links: [],
      },
      {
        key: 'lab-start-setup-check',
        phase: 'implementation',
        when: 'during',
        text: 'You stated the objectives at the start, then ran a quick setup check and moved anyone stuck to the fallback.',
        guidance:
          'Finding setup problems in the first five minutes beats finding them in the middle of exercise two. Example: *"Run `make doctor` and put a ✅ in the chat"*; helpers go straight to everyone without one.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'lab-stuck-signal',
        phase: 'implementation',
        when: 'during',
        text: 'Attendees had a visible way to signal they were stuck, and helpers watched for it.',
        guidance:
          'Stuck people often wait quietly rather than interrupt. Give them a low-effort signal. Example: a red sticky note on the laptop in the room, or a 🆘 reaction in the chat for remote sessions, with a helper assigned to watch it.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'lab-materials-available',
        phase: 'implementation',
        when: 'after',
        text: 'The repo, solutions and setup notes stay available after the lab, updated with fixes for problems people hit.',
        guidance:
          'Attendees will come back to the exercises when they need the skill for real. Add a "Known problems" section for errors seen on the day, and share the link with attendees and those who missed it.',
        offsetDays: 1,
        links: [],
      },
      {
        key: 'lab-attendance-completion',
        phase: 'evaluation',
        when: 'during',
        text: 'Attendance was captured, along with roughly how many people finished each exercise.',
        guidance:
          'Completion per exercise is the most direct measure of whether people learned the skill, and shows which exercise needs work. Example: ask for a ✅ in the chat at the end of each exercise and note the count.',
        offsetDays: null,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
      {
        key: 'lab-feedback-request',
        phase: 'evaluation',
        when: 'after',
        text: 'A short feedback request went out within 24 hours, asking which step was hardest.',
        guidance:
          'Reactions fade quickly after a day. Keep it to three questions. Example: *"How useful was this (1–5)? Where did you get stuck? What would you change?"* The "stuck" answers tell you what to fix in the instructions.',
        offsetDays: 1,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
      {
        key: 'lab-applied-follow-up',
        phase: 'evaluation',
        when: 'after',
        text: 'After 30–90 days, you asked attendees whether they have used the skill in real work.',
        guidance:
          'A lab succeeds when people use the skill on the job (the *behaviour* level of the Kirkpatrick model). Example: *"Have you written a load test since the lab? If not, what got in the way?"* Blockers often point to a missing tool or doc, not the lab.',
        offsetDays: 60,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
    ],
  },
  {
    id: '01970000-0000-7000-8000-00000000c003',
    name: 'Talk / tech deep-dive',
    description:
      'For presentations and deep-dives on a system, a technique or a lesson learned. Focuses on one clear message, a demo that cannot fail and time for questions.',
    formats: ['talk'],
    items: [
      {
        key: 'talk-audience-level',
        phase: 'analysis',
        when: 'before',
        text: 'The audience and their level are named: what they already know and what will be new to them.',
        guidance:
          'A deep-dive pitched at the wrong level either loses people in the first ten minutes or bores them. Example: *"Engineers who use our event bus every day but have never looked at how partitions are assigned."*',
        offsetDays: -28,
        links: [
          {
            title: 'ADDIE model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/ADDIE_Model',
          },
        ],
      },
      {
        key: 'talk-why-now',
        phase: 'analysis',
        when: 'before',
        text: 'You can say why this audience needs this talk now.',
        guidance:
          'A reason makes people show up and pay attention. It is often a change, a migration or a recent incident. Example: *"We are moving every service to the new auth library this quarter, and most teams have not seen it yet."*',
        offsetDays: -28,
        links: [],
      },
      {
        key: 'talk-key-message',
        phase: 'design',
        when: 'before',
        text: 'The talk has one key message you can say in a single sentence.',
        guidance:
          'Most attendees will remember one thing; decide what it is. Everything in the talk should support it, and anything that does not is a candidate to cut. Example: *"Retries without backoff turn a small outage into a big one."*',
        offsetDays: -21,
        links: [],
      },
      {
        key: 'talk-objectives',
        phase: 'design',
        when: 'before',
        text: 'There are at most three objectives, each written as "attendees will be able to …".',
        guidance:
          'Even a talk should change what people can do. Use verbs you could observe. Example: *"Attendees will be able to explain when to use a queue instead of a direct call"*, or *"…find the right dashboard during an incident."*',
        offsetDays: -21,
        links: [
          {
            title: "Bloom's taxonomy (Wikipedia)",
            url: 'https://en.wikipedia.org/wiki/Bloom%27s_taxonomy',
          },
        ],
      },
      {
        key: 'talk-outline-fits',
        phase: 'design',
        when: 'before',
        text: 'The outline fits the time, with the key message at the start and again at the end.',
        guidance:
          'Plan for about 80% of the slot and give each section a time. State the message, show it, then repeat it. Example for 30 minutes: 3 min problem, 15 min how it works, 5 min demo, 2 min recap, 5 min questions.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'talk-interaction',
        phase: 'design',
        when: 'before',
        text: 'An interaction is planned at least every 15–20 minutes.',
        guidance:
          'Attention drops after about 15 minutes of listening, and a deep-dive is dense. Small things work: *"What do you think happens when this node dies?"*, a quick poll, or a pause for questions at the end of each section.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'talk-questions-planned',
        phase: 'design',
        when: 'before',
        text: 'Questions are planned: when you take them, and answers ready for the two or three you expect.',
        guidance:
          'Say at the start whether people can interrupt or should hold questions for the end. Prepare answers (or a backup slide) for the obvious ones. Example: *"Why not just use Kafka?"* If nobody asks, ask it yourself.',
        offsetDays: -14,
        links: [],
      },
      {
        key: 'talk-slides-readable',
        phase: 'development',
        when: 'before',
        text: 'Slides are readable from the back: one point per slide, code at 24pt or more, and only the relevant lines shown.',
        guidance:
          'If people are squinting at code, they are not listening. Cut code down to the lines that matter and highlight the one you are talking about. Check a slide on a shared screen at the size attendees will see it.',
        offsetDays: -10,
        links: [],
      },
      {
        key: 'talk-nothing-sensitive',
        phase: 'development',
        when: 'before',
        text: 'Slides and demos contain no secrets, tokens or customer data.',
        guidance:
          'Talks are recorded and slides get forwarded. Check screenshots, terminal history, browser tabs and config files you will show. Use sanitized data and a demo account, and close chat apps before sharing your screen.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'talk-demo-rehearsed',
        phase: 'development',
        when: 'before',
        text: 'The demo was rehearsed end to end, and a recording or screenshots are ready as a fallback.',
        guidance:
          'Live demos fail because of Wi-Fi, VPN, expired tokens or a changed environment. Rehearse on the machine and network you will use. Record a short screen capture of the demo working; if anything breaks on the day, switch to it without apologizing.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'talk-dry-run',
        phase: 'development',
        when: 'before',
        text: 'You have done a timed dry run with a colleague.',
        guidance:
          'First dry runs often run 30% over, and a listener spots jargon you no longer notice. Present at real speed to one person from the target audience, time each section, and ask: *"What was the main message?"* If they cannot say it, revise.',
        offsetDays: -7,
        links: [],
      },
      {
        key: 'talk-tech-check',
        phase: 'implementation',
        when: 'before',
        text: 'Screen sharing, demo environment, microphone and recording were checked the day before.',
        guidance:
          'Most lost minutes are technical. Join the room or call, share your screen, run the demo once, and start and stop a test recording. Log in to every demo account so no token expires mid-talk.',
        offsetDays: -1,
        links: [],
      },
      {
        key: 'talk-message-stated',
        phase: 'implementation',
        when: 'during',
        text: 'You stated the key message and the objectives in the first two minutes.',
        guidance:
          'Telling people where the talk is going helps them follow a dense topic. Example opening: *"By the end, you will be able to explain why our retries need backoff, and spot the three places they are still missing."*',
        offsetDays: null,
        links: [],
      },
      {
        key: 'talk-on-time',
        phase: 'implementation',
        when: 'during',
        text: 'You finished on time and kept the planned time for questions.',
        guidance:
          'Questions are often the most valuable part of a talk, and they are the first thing cut when it runs late. Have a co-host give you a signal at the 5-minutes-left mark, and skip a section rather than rush the end.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'talk-slides-shared',
        phase: 'implementation',
        when: 'after',
        text: 'Slides, the recording and links mentioned in the talk were shared with attendees within a day.',
        guidance:
          'People want to look up what they saw, and colleagues who missed it will ask. Share one link with everything, including answers to questions you could not finish live.',
        offsetDays: 1,
        links: [],
      },
      {
        key: 'talk-attendance',
        phase: 'evaluation',
        when: 'during',
        text: 'Attendance was captured: who actually came, not only who registered.',
        guidance:
          'You need the list of attendees for the feedback request and the follow-up later on. Mark attendance in Lyceum, or export the call participant list before you close it.',
        offsetDays: null,
        links: [],
      },
      {
        key: 'talk-feedback-request',
        phase: 'evaluation',
        when: 'after',
        text: 'A short feedback request went out within 24 hours, including "what is the one thing you will remember?".',
        guidance:
          'The usefulness rating is the *reaction*; comparing "the one thing" answers with your key message shows whether it came across (*learning*). Keep it to three questions, sent within a day while it is fresh.',
        offsetDays: 1,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
      {
        key: 'talk-applied-follow-up',
        phase: 'evaluation',
        when: 'after',
        text: 'After 30–90 days, you asked attendees whether they applied anything from the talk.',
        guidance:
          'This is the *behaviour* level of the Kirkpatrick model: did the talk change how people work? Example: *"Have you added backoff to any retries since the talk? What made it hard?"* The answers may show a follow-up lab or doc is needed.',
        offsetDays: 60,
        links: [
          {
            title: 'Kirkpatrick model (Wikipedia)',
            url: 'https://en.wikipedia.org/wiki/Donald_Kirkpatrick',
          },
        ],
      },
    ],
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const template of starterTemplates) {
    const versionId = migrationId();
    await db
      .insertInto('checklist_templates')
      .values({
        id: template.id,
        name: template.name,
        description: template.description,
        formats: JSON.stringify(template.formats),
        status: 'active',
        current_version: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('checklist_versions')
      .values({ id: versionId, template_id: template.id, version: 1, status: 'published', created_at: now, published_at: now })
      .execute();
    await db
      .insertInto('checklist_items')
      .values(
        template.items.map((item, position) => ({
          id: migrationId(),
          version_id: versionId,
          key: item.key,
          position,
          phase: item.phase,
          timing: item.when,
          text: item.text,
          guidance: item.guidance,
          offset_days: item.offsetDays,
          links: JSON.stringify(item.links),
        })),
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('checklist_templates')
    .where(
      'id',
      'in',
      starterTemplates.map((t) => t.id),
    )
    .execute();
}
