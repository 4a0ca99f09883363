import { z } from 'zod';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import { addHostBody, createWorkshopBody, updateWorkshopBody, workshop, workshopsQuery } from './workshops.js';

export const workshopsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/workshops',
    operationId: 'listWorkshops',
    query: workshopsQuery,
    responses: { 200: page(workshop) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/workshops',
    operationId: 'createWorkshop',
    body: createWorkshopBody,
    responses: { 201: workshop },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/workshops/:id',
    operationId: 'getWorkshop',
    params: idParams,
    responses: { 200: workshop },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/workshops/:id',
    operationId: 'updateWorkshop',
    params: idParams,
    body: updateWorkshopBody,
    responses: { 200: workshop },
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/v1/workshops/:id/publish',
    operationId: 'publishWorkshop',
    params: idParams,
    responses: { 200: workshop },
  }),
  addHost: endpoint({
    method: 'POST',
    path: '/api/v1/workshops/:id/hosts',
    operationId: 'addWorkshopHost',
    params: idParams,
    body: addHostBody,
    responses: { 200: workshop },
  }),
  removeHost: endpoint({
    method: 'DELETE',
    path: '/api/v1/workshops/:id/hosts/:personId',
    operationId: 'removeWorkshopHost',
    params: idParams.extend({ personId: z.string().min(1).max(64) }),
    responses: { 200: workshop },
  }),
};
