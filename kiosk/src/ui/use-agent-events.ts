import { useEffect, useRef, useState } from 'react';
import type { AgentEvent, AgentStatus, PrintJob, ScanResult } from './agent-types.js';

export interface AgentFeed {
  /** False while the page cannot reach the agent's WebSocket. */
  connected: boolean;
  status: AgentStatus | null;
}

/**
 * Follows `/api/events`: status into state, scans and print jobs to the callbacks. Reconnects
 * after a second when the agent restarts.
 */
export function useAgentEvents(handlers: {
  onScan(scan: ScanResult): void;
  onPrint(job: PrintJob): void;
}): AgentFeed {
  const [feed, setFeed] = useState<AgentFeed>({ connected: false, status: null });
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const connect = () => {
      socket = new WebSocket(`ws://${location.host}/api/events`);
      socket.onopen = () => setFeed((f) => ({ ...f, connected: true }));
      socket.onmessage = (message) => {
        const event = JSON.parse(String(message.data)) as AgentEvent;
        if (event.type === 'status') setFeed({ connected: true, status: event.status });
        else if (event.type === 'scan') latest.current.onScan(event.scan);
        else if (event.type === 'print') latest.current.onPrint(event.print);
      };
      socket.onclose = () => {
        setFeed((f) => ({ ...f, connected: false }));
        if (!closed) retry = setTimeout(connect, 1000);
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, []);
  return feed;
}
