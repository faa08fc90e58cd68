// eventsource-parser with what it lacks for the WHATWG rules rig-ts's SseDecoder follows: the last event id kept
// across events, a CR that closes a chunk ending its line at once (eventsource-parser waits for a possible LF, so a
// CR-terminated stream loses its last event), a U+FEFF BOM in the text, and `message` as the default event type.
// This is the alternative the decoder benchmark weighs rig-ts's decoder against; it is not shipped.
import { createParser } from 'eventsource-parser';

export class EventsourceParserWhatwg {
  retry;
  #parser;
  #lastId;
  #started = false;
  #skipLeadingLf = false;

  constructor(onEvent) {
    this.#parser = createParser({
      onEvent: (message) => {
        if (message.id !== undefined) this.#lastId = message.id;
        onEvent(message.data, message.event ?? 'message', this.#lastId);
      },
      onRetry: (retry) => {
        this.retry = retry;
      },
    });
  }

  push(chunk) {
    if (!this.#started) {
      if (chunk === '') return;
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.#skipLeadingLf) {
      if (chunk === '') return;
      this.#skipLeadingLf = false;
      if (chunk.charCodeAt(0) === 10) chunk = chunk.slice(1);
    }
    if (chunk.charCodeAt(chunk.length - 1) === 13) {
      this.#skipLeadingLf = true;
      chunk += '\n';
    }
    this.#parser.feed(chunk);
  }

  end() {
    this.#skipLeadingLf = false;
    this.#parser.reset();
  }
}
