import type { StationInfo } from '../agent-types.js';
import { strings } from '../strings.js';

export function IdleScreen({ station, camera }: { station: StationInfo | null; camera: boolean }) {
  const s = strings.idle;
  return (
    <main className="screen idle" aria-labelledby="idle-heading">
      <h1 id="idle-heading">{s.heading(station?.eventName ?? strings.defaultEventName)}</h1>
      <p className="instructions">
        {station?.instructions ?? (camera ? s.instructionsCamera : s.instructions)}
      </p>
      <div className="scan-arrow" aria-hidden="true">
        ↓
      </div>
      <p className="hint">{station?.printing === false ? s.hintNoPrinter : s.hint}</p>
    </main>
  );
}
