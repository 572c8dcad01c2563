import { Notice } from '../components/notice.js';
import type { SectionProps } from './sections.js';

export function SettingsSection(_p: SectionProps) {
  return <Notice>Not built yet.</Notice>;
}
