"""Derives the expected result of every real Anthropic recording, independently of the TypeScript code.

Run from packages/anthropic: `python3 src/test-utils/derive-expected.py > src/test-utils/expected-responses.ts`.
It reads the fixtures (pydantic-ai `.response.json` with status 200 and `.response.sse`; vercel-ai `.json` and
`.chunks.txt`, one entry per message when a file holds several responses), rebuilds each streamed message from its
events, and applies the documented mapping: text (citations kept), tool calls (the `json` tool of structured output
becomes text), thinking with signatures, redacted thinking, other blocks as empty text holding the block; usage as
input + cache read + cache write; stop reasons as in map-anthropic-finish-reason.ts. Strings over 80 UTF-8 bytes are
replaced by a digest (see digest.ts).
"""
import glob, hashlib, json, os, sys

ROOT = os.path.join(os.path.dirname(__file__), '../../../fixtures/data')


def digest(value):
    if isinstance(value, str):
        raw = value.encode('utf-8')
        if len(raw) <= 80:
            return value
        head = value[:24]
        prefix = head if all(ord(c) < 0x10000 for c in head) else ''
        return '%s…[sha256:%s, %d bytes]' % (prefix, hashlib.sha256(raw).hexdigest()[:12], len(raw))
    if isinstance(value, list):
        return [digest(item) for item in value]
    if isinstance(value, dict):
        return {key: digest(item) for key, item in value.items()}
    return value


def usage(wire):
    read = wire.get('cache_read_input_tokens')
    write = wire.get('cache_creation_input_tokens')
    prompt = (wire.get('input_tokens') or 0) + (read or 0) + (write or 0)
    completion = wire.get('output_tokens') or 0
    result = {'promptTokens': prompt, 'completionTokens': completion, 'totalTokens': prompt + completion}
    if isinstance(read, int):
        result['cachedPromptTokens'] = read
    if isinstance(write, int):
        result['cacheCreationTokens'] = write
    thinking = (wire.get('output_tokens_details') or {}).get('thinking_tokens')
    if isinstance(thinking, int):
        result['reasoningTokens'] = thinking
    return result


def choice(content, json_tool):
    out = []
    for block in content:
        kind = block['type']
        if kind == 'text':
            if block.get('citations'):
                out.append({'type': 'text', 'text': block['text'], 'providerMetadata': {'anthropic': {'citations': block['citations']}}})
            elif block['text'] != '':
                out.append({'type': 'text', 'text': block['text']})
        elif kind == 'tool_use':
            if block['name'] == json_tool:
                out.append({'type': 'text', 'text': json.dumps(block['input'], separators=(',', ':'), ensure_ascii=False)})
            else:
                call = {'type': 'tool-call', 'id': block['id'], 'function': {'name': block['name'], 'arguments': block['input']}}
                if 'caller' in block:
                    call['providerMetadata'] = {'anthropic': {'caller': block['caller']}}
                out.append(call)
        elif kind == 'thinking':
            part = {'type': 'text', 'text': block['thinking']}
            if 'signature' in block:
                part['signature'] = block['signature']
            out.append({'type': 'reasoning', 'content': [part]})
        elif kind == 'redacted_thinking':
            out.append({'type': 'reasoning', 'content': [{'type': 'redacted', 'data': block['data']}]})
        else:
            out.append({'type': 'text', 'text': '', 'providerMetadata': {'anthropic': {'block': block}}})
    return out or [{'type': 'text', 'text': ''}]


def finish(stop_reason, items, json_used):
    reason = {'end_turn': 'stop', 'stop_sequence': 'stop', 'pause_turn': 'stop', 'max_tokens': 'length',
              'model_context_window_exceeded': 'length', 'tool_use': 'tool-calls', 'refusal': 'content-filter'}.get(stop_reason, 'other')
    has_call = any(item['type'] == 'tool-call' for item in items)
    if reason == 'tool-calls' and json_used and not has_call:
        return 'stop'
    return 'tool-calls' if reason == 'stop' and has_call else reason


def expected(message, json_tool):
    items = choice(message['content'], json_tool)
    json_used = any(block['type'] == 'tool_use' and block['name'] == json_tool for block in message['content'])
    result = {'id': message['id'], 'model': message['model'], 'finishReason': finish(message['stop_reason'], items, json_used),
              'usage': usage(message['usage']), 'choice': digest(items)}
    if isinstance(message['stop_reason'], str):
        result['rawFinishReason'] = message['stop_reason']
    return result


def parse_arguments(text):
    if text.strip() == '':
        return {}
    value = json.loads(text)
    return {} if value is None else value


def rebuild(events):
    message = None
    blocks = {}
    for event in events:
        kind = event['type']
        if kind == 'message_start':
            message = dict(event['message'])
            message['content'] = [dict(block) for block in event['message']['content']]
        elif kind == 'content_block_start':
            block = dict(event['content_block'])
            first = block.get('text') or block.get('thinking') or ''
            blocks[event['index']] = {'block': block, 'chunks': [first] if first else [], 'citations': list(block.get('citations') or []), 'signature': block.get('signature')}
            message['content'].append(block)
        elif kind == 'content_block_delta':
            state, delta = blocks[event['index']], event['delta']
            if delta['type'] in ('text_delta', 'input_json_delta', 'thinking_delta', 'compaction_delta'):
                state['chunks'].append(delta.get('text', delta.get('partial_json', delta.get('thinking', delta.get('content')))))
            elif delta['type'] == 'signature_delta':
                state['signature'] = (state['signature'] or '') + delta['signature']
            elif delta['type'] == 'citations_delta':
                state['citations'].append(delta['citation'])
        elif kind == 'content_block_stop':
            state = blocks[event['index']]
            block, joined = state['block'], ''.join(state['chunks'])
            if block['type'] == 'text':
                block['text'] = joined
                if state['citations']:
                    block['citations'] = state['citations']
            elif block['type'] == 'thinking':
                block['thinking'] = joined
                if state['signature'] is not None:
                    block['signature'] = state['signature']
            elif block['type'] == 'compaction' and state['chunks']:
                block['content'] = joined
            elif state['chunks']:
                block["input"] = parse_arguments(joined)
        elif kind == 'message_delta':
            message.update(event['delta'])
            message.update({key: value for key, value in event.items() if key not in ('type', 'delta', 'usage')})
            if 'usage' in event:
                message['usage'] = {**message['usage'], **event['usage']}
    return message


def sse_events(text):
    events = []
    for frame in text.split('\n\n'):
        data = [line[6:] if line.startswith('data: ') else line[5:] for line in frame.split('\n') if line.startswith('data:')]
        if data:
            events.append(json.loads('\n'.join(data)))
    return events


def segments(events):
    current, out = [], []
    for event in events:
        current.append(event)
        if event['type'] == 'message_stop':
            out.append(current)
            current = []
    return out


def json_tool_of(name):
    return 'json' if 'json-tool' in name or 'json-other-tool' in name else None


results = {}
for path in sorted(glob.glob(os.path.join(ROOT, 'anthropic/pydantic-ai/*.meta.json'))):
    meta = json.load(open(path))
    if meta['status']['code'] != 200:
        continue
    response = os.path.join(os.path.dirname(path), meta['response_file'])
    relative = os.path.relpath(response, ROOT)
    if response.endswith('.sse'):
        message = rebuild(sse_events(open(response, encoding='utf-8').read()))
        results[relative] = expected(message, None)
    else:
        results[relative] = expected(json.load(open(response)), None)
for path in sorted(glob.glob(os.path.join(ROOT, 'anthropic/vercel-ai/*'))):
    relative = os.path.relpath(path, ROOT)
    name = os.path.basename(path)
    if name.endswith('.chunks.txt'):
        events = [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]
        for index, segment in enumerate(segments(events)):
            message = rebuild(segment)
            results['%s#%d' % (relative, index)] = expected(message, json_tool_of(name))
    elif name.endswith('.json'):
        results[relative] = expected(json.load(open(path)), json_tool_of(name))

print('// Generated by derive-expected.py from the recordings in @rig-ts/fixtures; do not edit by hand.')
print("import type { ExpectedResponse } from './digest.js';")
print()
print('export const EXPECTED_RESPONSES: { [fixture: string]: ExpectedResponse } = ' + json.dumps(results, indent=1, ensure_ascii=False) + ';')
