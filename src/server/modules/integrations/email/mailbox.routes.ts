import { mailboxApi } from '../../../../contracts/index.js';
import { requireActor } from '../../../platform/authenticate.js';
import type { Api } from '../../../platform/http.js';
import { route } from '../../../platform/route.js';
import type { MailboxService } from './mailbox.service.js';

const tags = ['notifications'];

export function mailboxRoutes(app: Api, mailbox: MailboxService): void {
  route(
    app,
    mailboxApi.list,
    {
      tags,
      summary: 'Mail Lyceum sent while no SMTP server is configured (admins)',
      description: 'Lists the mail Lyceum sent while no SMTP server is configured; admins only.',
    },
    (request) => mailbox.list(requireActor(request), request.query),
  );

  route(
    app,
    mailboxApi.get,
    {
      tags,
      summary: 'One mail, with its text, HTML and calendar part (admins)',
      description: 'Returns one mail of the built-in mailbox with its text, HTML and calendar parts; admins only.',
    },
    (request) => mailbox.get(requireActor(request), request.params.id),
  );
}
