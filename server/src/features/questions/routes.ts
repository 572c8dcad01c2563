import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import {
  CreateQuestionBody,
  IncludeArchivedQuery,
  Question,
  QuestionList,
  QuestionListParams,
  QuestionParams,
  UpdateQuestionBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['questions'];

export function questionRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/questions',
      operationId: 'createQuestion',
      summary: 'Add a custom question asked at registration (text, choice or checkbox)',
      tags,
      auth: 'events:write',
      params: QuestionListParams,
      body: CreateQuestionBody,
      responses: {
        201: { description: 'The question', schema: Question },
        400: { description: '`validation_failed` (options), `unknown_ticket_type`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createQuestion(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/questions',
      operationId: 'listQuestions',
      summary: 'List an event’s questions in the order attendees see them',
      tags,
      auth: 'events:read',
      params: QuestionListParams,
      query: IncludeArchivedQuery,
      responses: { 200: { description: 'The questions', schema: QuestionList } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listQuestions(
          db,
          actor(principal),
          params.eventId,
          query.includeArchived,
        ),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/questions/{questionId}',
      operationId: 'getQuestion',
      summary: 'Get a question',
      tags,
      auth: 'events:read',
      params: QuestionParams,
      responses: { 200: { description: 'The question', schema: Question } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getQuestion(db, actor(principal), params.eventId, params.questionId),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}/questions/{questionId}',
      operationId: 'updateQuestion',
      summary: 'Change some fields of a question',
      tags,
      auth: 'events:write',
      params: QuestionParams,
      body: UpdateQuestionBody,
      responses: {
        200: { description: 'The changed question', schema: Question },
        409: { description: '`question_archived`, `event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updateQuestion(
          db,
          actor(principal),
          params.eventId,
          params.questionId,
          body,
        ),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/questions/{questionId}/archive',
      operationId: 'archiveQuestion',
      summary: 'Archive a question (no longer asked; given answers stay on their orders)',
      tags,
      auth: 'events:write',
      params: QuestionParams,
      responses: { 200: { description: 'The archived question', schema: Question } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.archiveQuestion(
          db,
          actor(principal),
          params.eventId,
          params.questionId,
        ),
      }),
    }),
  ];
}
