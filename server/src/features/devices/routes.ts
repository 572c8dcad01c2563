import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import { actor } from '../identity/principal.js';
import type { CheckinAccess } from './checkin-access.js';
import {
  CreateDeviceBody,
  CreatedDevice,
  Device,
  DeviceList,
  DeviceParams,
  EnrollBody,
  Enrollment,
  EventIdParams,
  RenameDeviceBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['devices'];
// Codes and client secrets must not sit in any cache.
const PRIVATE = { 'Cache-Control': 'no-store' };

export function deviceRoutes(
  db: Db,
  access: CheckinAccess,
  publicUrl: string,
  issuer: service.IssuerInfo,
  limits: RateGate,
): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/devices',
      operationId: 'createDevice',
      summary:
        'Create a kiosk device and its one-time enrollment code (valid 24 hours; also as a URI for a QR code)',
      tags,
      auth: 'devices:write',
      params: EventIdParams,
      body: CreateDeviceBody,
      responses: {
        201: { description: 'The device, with its enrollment code', schema: CreatedDevice },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createDevice(db, actor(principal), publicUrl, params.eventId, body),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/devices/enroll',
      operationId: 'enrollDevice',
      summary:
        "Redeem an enrollment code (once) for the device's own OAuth2 client, limited to its event's check-in",
      tags,
      auth: 'public',
      body: EnrollBody,
      responses: {
        200: { description: "The device's credential", schema: Enrollment },
        404: { description: '`enrollment_code_unknown`' },
        409: {
          description: '`enrollment_code_used`, `enrollment_code_expired`, `device_revoked`',
        },
        429: { description: '`rate_limited`: too many codes tried from this address' },
      },
      handler: async ({ body, req, res }) => {
        await limits.take(res, ['device-enroll-ip', clientIp(req)]);
        return {
          status: 200,
          body: await service.enrollDevice(db, issuer, body.code),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/devices',
      operationId: 'listDevices',
      summary: "List an event's kiosk devices",
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: { 200: { description: 'The devices, oldest first', schema: DeviceList } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: { items: await service.listDevices(db, actor(principal), params.eventId) },
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/devices/{deviceId}',
      operationId: 'getDevice',
      summary: 'Get a device',
      tags,
      auth: 'events:read',
      params: DeviceParams,
      responses: { 200: { description: 'The device', schema: Device } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getDevice(db, actor(principal), params.eventId, params.deviceId),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}/devices/{deviceId}',
      operationId: 'renameDevice',
      summary: 'Rename a device',
      tags,
      auth: 'devices:write',
      params: DeviceParams,
      body: RenameDeviceBody,
      responses: { 200: { description: 'The device', schema: Device } },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.renameDevice(
          db,
          actor(principal),
          params.eventId,
          params.deviceId,
          body.name,
        ),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/devices/{deviceId}/revoke',
      operationId: 'revokeDevice',
      summary: 'Revoke a device: its client is deleted and its tokens are refused at once',
      tags,
      auth: 'devices:write',
      params: DeviceParams,
      responses: { 200: { description: 'The revoked device', schema: Device } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.revokeDevice(
          db,
          access,
          actor(principal),
          params.eventId,
          params.deviceId,
        ),
      }),
    }),
  ];
}
