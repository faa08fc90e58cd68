import { hasErrorMarker, RigError, type RigErrorOptions } from '@rig-ts/core';

const toolErrorMarker = Symbol.for('rig-ts.error.ToolError');

/**
 * Thrown by a tool to tell the model what went wrong: its message is sent to the model as the tool's result (any
 * other error is reported without its details, so internals never reach the prompt). The run goes on.
 */
export class ToolError extends RigError {
  constructor(messageForModel: string, options: Omit<RigErrorOptions, 'message'> = {}) {
    super({ ...options, message: messageForModel });
  }

  override get name(): string {
    return 'ToolError';
  }

  static override isInstance(error: unknown): error is ToolError {
    return hasErrorMarker(error, toolErrorMarker);
  }
}
Object.defineProperty(ToolError.prototype, toolErrorMarker, { value: true });
