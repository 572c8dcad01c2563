// Kiosk devices as the dashboard reads them: the server's response schemas (types only).
import type { z } from 'zod';
import type { DeviceList as DeviceListSchema } from '../../features/devices/schema.js';

export type { CreatedDevice, Device } from '../../features/devices/schema.js';
export type DeviceList = z.output<typeof DeviceListSchema>;
