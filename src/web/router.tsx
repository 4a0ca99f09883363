import { Center, Loader } from '@mantine/core';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RouteError } from './components/RouteError';
import { CatalogPage } from './routes/CatalogPage';

// The catalog is in the first bundle; every other page (sign-in too) loads when first visited.
const page = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

function Booting() {
  return (
    <Center h="60vh">
      <Loader aria-label="Loading Lyceum" />
    </Center>
  );
}

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    ...page(() => import('./routes/SignInPage').then((m) => ({ Component: m.SignInPage }))),
    errorElement: <RouteError />,
    hydrateFallbackElement: <Booting />,
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Booting />,
    children: [
      { index: true, element: <CatalogPage /> },
      { path: 'workshops/new', ...page(() => import('./routes/WorkshopNewPage').then((m) => ({ Component: m.WorkshopNewPage }))) },
      { path: 'workshops/:id', ...page(() => import('./routes/WorkshopPage').then((m) => ({ Component: m.WorkshopPage }))) },
      { path: 'workshops/:id/edit', ...page(() => import('./routes/WorkshopEditPage').then((m) => ({ Component: m.WorkshopEditPage }))) },
      {
        path: 'workshops/:id/feedback',
        ...page(() => import('./routes/WorkshopFeedbackPage').then((m) => ({ Component: m.WorkshopFeedbackPage }))),
      },
      {
        path: 'workshops/:id/sessions/new',
        ...page(() => import('./routes/ScheduleSessionPage').then((m) => ({ Component: m.ScheduleSessionPage }))),
      },
      { path: 'my/learning', ...page(() => import('./routes/MyLearningPage').then((m) => ({ Component: m.MyLearningPage }))) },
      { path: 'sessions/:id/feedback', ...page(() => import('./routes/FeedbackPage').then((m) => ({ Component: m.FeedbackPage }))) },
      { path: 'sessions/:id/roster', ...page(() => import('./routes/RosterPage').then((m) => ({ Component: m.RosterPage }))) },
      { path: 'my/workshops', ...page(() => import('./routes/MyWorkshopsPage').then((m) => ({ Component: m.MyWorkshopsPage }))) },
      { path: 'my/team', ...page(() => import('./routes/MyTeamPage').then((m) => ({ Component: m.MyTeamPage }))) },
      {
        path: 'workshops/:id/checklist',
        ...page(() => import('./routes/ChecklistPage').then((m) => ({ Component: m.ChecklistPage }))),
      },
      { path: 'my/suggestions', ...page(() => import('./routes/MySuggestionsPage').then((m) => ({ Component: m.MySuggestionsPage }))) },
      { path: 'admin/checklists', ...page(() => import('./routes/AdminTemplatesPage').then((m) => ({ Component: m.AdminTemplatesPage }))) },
      {
        path: 'admin/checklists/suggestions',
        ...page(() => import('./routes/AdminSuggestionsPage').then((m) => ({ Component: m.AdminSuggestionsPage }))),
      },
      {
        path: 'admin/checklists/adoption',
        ...page(() => import('./routes/AdminAdoptionPage').then((m) => ({ Component: m.AdminAdoptionPage }))),
      },
      {
        path: 'admin/checklists/:id',
        ...page(() => import('./routes/AdminTemplatePage').then((m) => ({ Component: m.AdminTemplatePage }))),
      },
      {
        path: 'admin/dashboard',
        ...page(() => import('./routes/AdminDashboardPage').then((m) => ({ Component: m.AdminDashboardPage }))),
      },
      { path: 'admin/feedback', ...page(() => import('./routes/AdminFeedbackPage').then((m) => ({ Component: m.AdminFeedbackPage }))) },
      { path: 'admin/outbox', ...page(() => import('./routes/AdminOutboxPage').then((m) => ({ Component: m.AdminOutboxPage }))) },
      { path: 'admin/webhooks', ...page(() => import('./routes/AdminWebhooksPage').then((m) => ({ Component: m.AdminWebhooksPage }))) },
      { path: 'admin/people', ...page(() => import('./routes/AdminPeoplePage').then((m) => ({ Component: m.AdminPeoplePage }))) },
      { path: 'admin/mailbox', ...page(() => import('./routes/AdminMailboxPage').then((m) => ({ Component: m.AdminMailboxPage }))) },
      { path: 'admin/audit', ...page(() => import('./routes/AdminAuditPage').then((m) => ({ Component: m.AdminAuditPage }))) },
      { path: 'channels', ...page(() => import('./routes/ChannelsPage').then((m) => ({ Component: m.ChannelsPage }))) },
      { path: 'channels/:slug', ...page(() => import('./routes/ChannelPage').then((m) => ({ Component: m.ChannelPage }))) },
      { path: 'requests', ...page(() => import('./routes/RequestsPage').then((m) => ({ Component: m.RequestsPage }))) },
      { path: 'people', ...page(() => import('./routes/PeoplePage').then((m) => ({ Component: m.PeoplePage }))) },
      { path: 'people/:id', ...page(() => import('./routes/PersonPage').then((m) => ({ Component: m.PersonPage }))) },
      { path: '*', ...page(() => import('./routes/NotFoundPage').then((m) => ({ Component: m.NotFoundPage }))) },
    ],
  },
]);
