import { adminPeopleQuery, adminPerson, changeRoleBody, eraseBody } from './admin-people.js';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';

/** People who leave, and roles: the People admin page. Admins only. */
export const adminPeopleApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/admin/people',
    operationId: 'listPeopleForAdmins',
    query: adminPeopleQuery,
    responses: { 200: page(adminPerson) },
  }),
  changeRole: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/people/:id',
    operationId: 'changePersonRole',
    params: idParams,
    body: changeRoleBody,
    responses: { 200: adminPerson },
  }),
  deactivate: endpoint({
    method: 'POST',
    path: '/api/v1/admin/people/:id/deactivate',
    operationId: 'deactivatePerson',
    params: idParams,
    responses: { 200: adminPerson },
  }),
  reactivate: endpoint({
    method: 'POST',
    path: '/api/v1/admin/people/:id/reactivate',
    operationId: 'reactivatePerson',
    params: idParams,
    responses: { 200: adminPerson },
  }),
  erase: endpoint({
    method: 'POST',
    path: '/api/v1/admin/people/:id/erase',
    operationId: 'erasePerson',
    params: idParams,
    body: eraseBody,
    responses: { 200: adminPerson },
  }),
};
