import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import { peopleQuery, person } from './people.js';

export const peopleApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/people',
    operationId: 'listPeople',
    query: peopleQuery,
    responses: { 200: page(person) },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/people/:id',
    operationId: 'getPerson',
    params: idParams,
    responses: { 200: person },
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    responses: { 200: person },
  }),
};
