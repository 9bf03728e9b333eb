/**
 * The peer: bpmn-engine (npm) running the benchmark process as BPMN 2.0 —
 * three user tasks, an exclusive gateway on the answers, an end — with the
 * engine's state (getState()) persisted to better-sqlite3 after every step.
 * Used by bench/servers.ts behind an equally thin Express server.
 */
import { Engine } from 'bpmn-engine';
import { EventEmitter } from 'node:events';

export const bpmnSource = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://omslag.example/bench">
  <process id="benchAanvraag" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="persoon" />
    <userTask id="persoon" name="Over u" />
    <sequenceFlow id="f2" sourceRef="persoon" targetRef="geld" />
    <userTask id="geld" name="Inkomen" />
    <sequenceFlow id="f3" sourceRef="geld" targetRef="rekening" />
    <userTask id="rekening" name="Uw rekening" />
    <sequenceFlow id="f4" sourceRef="rekening" targetRef="toets" />
    <exclusiveGateway id="toets" name="Toets" default="onder" />
    <sequenceFlow id="boven" sourceRef="toets" targetRef="klaar">
      <conditionExpression xsi:type="tFormalExpression">\${environment.output.vermogen > 2500 || environment.output.inkomen > (environment.output.huishouden === 'samen' ? 1900 : 1400)}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="onder" sourceRef="toets" targetRef="klaar" />
    <endEvent id="klaar" />
  </process>
</definitions>`;

/** A listener that copies each user task's answers into the process output (its variables for the gateway). */
function listener() {
  const l = new EventEmitter();
  l.on('activity.end', (api: any, engineApi: any) => {
    const answers = api.content?.output;
    if (api.type === 'bpmn:UserTask' && answers && typeof answers === 'object')
      Object.assign(engineApi.environment.output, answers);
  });
  return l;
}

/** Starts an instance; returns its state (JSON) waiting at the first user task. */
export async function startInstance(name: string): Promise<{ state: string; waiting: string | null }> {
  const engine = new Engine({ name, source: bpmnSource });
  const execution = await engine.execute({ listener: listener() });
  const waiting = execution.getPostponed().find((a: any) => a.type === 'bpmn:UserTask')?.id ?? null;
  return { state: JSON.stringify(await engine.getState()), waiting };
}

/** One step: recover from the state, resume, signal the waiting user task with the answers, the new state. */
export async function stepInstance(
  state: string,
  data: Record<string, unknown>,
): Promise<{ state: string; waiting: string | null; ended: boolean }> {
  const engine = new Engine().recover(JSON.parse(state));
  const execution = await engine.resume({ listener: listener() });
  const task = execution.getPostponed().find((a: any) => a.type === 'bpmn:UserTask');
  if (!task) throw new Error('no user task is waiting');
  task.signal(data);
  const waiting = execution.getPostponed().find((a: any) => a.type === 'bpmn:UserTask')?.id ?? null;
  return {
    state: JSON.stringify(await engine.getState()),
    waiting,
    ended: waiting === null && ((execution as any).completed || (engine as any).state !== 'running'),
  };
}
