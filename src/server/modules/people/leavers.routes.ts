import { adminPeopleApi } from '../../../contracts/index.js';
import { originOf } from '../../platform/audit.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { LeaversService } from './leavers.service.js';

const tags = ['people'];

export function leaversRoutes(app: Api, leavers: LeaversService): void {
  route(
    app,
    adminPeopleApi.list,
    {
      tags,
      summary: 'People, for admins',
      description:
        'Everyone in the directory, active or not, with their role and when and by whom they were deactivated or erased. Admins only.',
    },
    (request) => leavers.list(requireActor(request), request.query),
  );

  route(
    app,
    adminPeopleApi.changeRole,
    {
      tags,
      summary: "Change a person's role",
      description:
        "Makes a person an admin or a member, by hand: the identity provider's groups no longer change it. Admins only; not their own role (409 `cannot_change_self`).",
    },
    (request) => leavers.changeRole(requireActor(request), request.params.id, request.body.role, originOf(request)),
  );

  route(
    app,
    adminPeopleApi.deactivate,
    {
      tags,
      summary: 'Deactivate a person (they left)',
      description:
        'At once: no sign-in, browser sessions ended, API tokens revoked, the calendar feed gone. Their registrations for sessions to come are cancelled (the next people waiting move up and are told); the co-hosts of workshops they host, or the admins when nobody else hosts one, are told. History stays for the figures. Admins only; not themselves (409 `cannot_change_self`).',
    },
    (request) => leavers.deactivate(requireActor(request), request.params.id, originOf(request)),
  );

  route(
    app,
    adminPeopleApi.reactivate,
    {
      tags,
      summary: 'Reactivate a person',
      description: 'They can sign in again; registrations cancelled when they left stay cancelled. Not for erased people (409).',
    },
    (request) => leavers.reactivate(requireActor(request), request.params.id, originOf(request)),
  );

  route(
    app,
    adminPeopleApi.erase,
    {
      tags,
      summary: 'Erase a person (privacy)',
      description:
        'Irreversible: name "Former colleague", email and profile removed, tokens, sessions and the calendar feed deleted, and deactivated. Registrations stay so the figures still count. `confirm` must be the person\'s email address. Admins only; not themselves (409 `cannot_change_self`).',
    },
    (request) => leavers.erase(requireActor(request), request.params.id, request.body.confirm, originOf(request)),
  );
}
