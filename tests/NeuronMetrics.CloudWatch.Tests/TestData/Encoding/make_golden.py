#!/usr/bin/env python3
"""Generates the PutMetricData golden bodies with botocore's own query serializer.

Run from this directory:  python3 make_golden.py
For each case it writes <case>.json (the batch, read by the C# tests) and <case>.body (what
botocore would send). botocore 1.43 defaults CloudWatch to CBOR, so the 'query' serializer is
created explicitly. Parameters are given in the model's member order, which is the order the
query serializer (and QueryEncoder) emits them. Conventions shared with QueryEncoder:
  - empty Dimensions are omitted (botocore would send "Dimensions=" for an empty list);
  - StorageResolution is omitted when it is 60 (the service default);
  - every number is a Python float (the model's double), so 100 is sent as "100.0".
"""
import datetime
import json
import random

import botocore.session
from botocore.awsrequest import prepare_request_dict, create_request_object
from botocore.serialize import create_serializer

SESSION = botocore.session.get_session()
OPERATION = SESSION.get_service_model('cloudwatch').operation_model('PutMetricData')
SERIALIZER = create_serializer('query', include_validation=True)

T0 = '2026-11-28T17:00:00Z'


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace('Z', '+00:00')).astimezone(datetime.timezone.utc)


def to_params(case):
    data = []
    for d in case['data']:
        item = {'MetricName': d['name']}
        if d.get('dims'):
            item['Dimensions'] = [{'Name': n, 'Value': v} for n, v in d['dims']]
        item['Timestamp'] = parse_time(d['ts'])
        if 'value' in d:
            item['Value'] = float(d['value'])
        if 'stats' in d:
            c, s, mn, mx = d['stats']
            item['StatisticValues'] = {'SampleCount': float(c), 'Sum': float(s), 'Minimum': float(mn), 'Maximum': float(mx)}
        if 'values' in d:
            item['Values'] = [float(v) for v in d['values']]
            item['Counts'] = [float(c) for c in d['counts']]
        item['Unit'] = d['unit']
        if d.get('res', 60) != 60:
            item['StorageResolution'] = d['res']
        data.append(item)
    return {'Namespace': case['ns'], 'MetricData': data}


def body_of(case):
    request_dict = SERIALIZER.serialize_to_request(to_params(case), OPERATION)
    prepare_request_dict(request_dict, endpoint_url='https://monitoring.us-east-1.amazonaws.com')
    return create_request_object(request_dict).prepare().body


def cases():
    yield 'single_value', {'ns': 'Neuron', 'data': [
        {'name': 'NeuronCoreUtilization', 'dims': [['InstanceId', 'i-0123456789abcdef0'], ['NeuronCore', '0']],
         'ts': T0, 'value': 32.618492739086, 'unit': 'Percent'}]}
    yield 'integral_and_zero', {'ns': 'Neuron', 'data': [
        {'name': 'A', 'dims': [], 'ts': T0, 'value': 100, 'unit': 'Count'},
        {'name': 'B', 'dims': [], 'ts': T0, 'value': 0, 'unit': 'Count'},
        {'name': 'C', 'dims': [], 'ts': T0, 'value': -2.5, 'unit': 'None'}]}
    yield 'values_counts', {'ns': 'Neuron/Latency', 'data': [
        {'name': 'ExecutionLatency', 'dims': [['InstanceId', 'i-1']], 'ts': '2026-11-28T17:00:01.250Z',
         'values': [0.001, 0.0125, 1.5, 2], 'counts': [1, 3, 10, 1], 'unit': 'Seconds'}]}
    yield 'statistic_values', {'ns': 'Neuron', 'data': [
        {'name': 'MemoryUsed', 'dims': [['InstanceId', 'i-1']], 'ts': '2026-11-28T17:00:00.000123Z',
         'stats': [60, 1.2345e10, 1e9, 3.5e9], 'unit': 'Bytes'}]}
    yield 'special_characters', {'ns': 'My App/Neuron=1&2', 'data': [
        {'name': 'Metric with spaces & symbols=/+~_-.',
         'dims': [['Model Name', 'llama/3 70b=fast&cheap'], ['Unicode', 'héllo wörld ✓ 日本 😀'],
                  ['Reserved', "!*'();:@$,?#[]%\"<>\\^`{|}"]],
         'ts': T0, 'value': 1e-05, 'unit': 'Count/Second', 'res': 1}]}
    yield 'high_resolution', {'ns': 'Neuron', 'data': [
        {'name': 'Hi', 'dims': [['InstanceId', 'i-1']], 'ts': '2026-11-28T17:00:00.999Z', 'value': 1.5e16,
         'unit': 'Milliseconds', 'res': 1},
        {'name': 'Std', 'dims': [['InstanceId', 'i-1']], 'ts': T0, 'value': 1e15, 'unit': 'Milliseconds', 'res': 60}]}
    rng = random.Random(20261128)
    data = []
    units = ['Percent', 'Count', 'Bytes', 'Seconds', 'Milliseconds', 'Count/Second', 'None']
    for i in range(1000):
        kind = i % 3
        mag = 10.0 ** rng.randint(-100, 100)
        d = {'name': f'Metric{i}', 'dims': [['InstanceId', 'i-0123456789abcdef0'], ['NeuronCore', str(i % 32)]],
             'ts': f'2026-11-28T17:{i % 60:02d}:{(i * 7) % 60:02d}Z', 'unit': units[i % len(units)],
             'res': 1 if i % 5 == 0 else 60}
        if kind == 0:
            d['value'] = rng.choice([rng.random() * mag, -rng.random() * mag, float(rng.randint(0, 10 ** 6)),
                                     rng.uniform(0, 100), 0.1 + 0.2])
        elif kind == 1:
            n = rng.randint(1, 5)
            d['values'] = [rng.random() * mag for _ in range(n)]
            d['counts'] = [float(rng.randint(1, 1000)) for _ in range(n)]
        else:
            lo, hi = sorted([rng.random() * mag, rng.random() * mag])
            d['stats'] = [float(rng.randint(1, 100)), lo + hi, lo, hi]
        data.append(d)
    yield 'many_datums', {'ns': 'Neuron', 'data': data}


def main():
    for name, case in cases():
        with open(f'{name}.json', 'w', encoding='utf-8') as f:
            json.dump(case, f, ensure_ascii=False, indent=None)
            f.write('\n')
        body = body_of(case)
        with open(f'{name}.body', 'wb') as f:
            f.write(body.encode('ascii') if isinstance(body, str) else body)
        print(name, len(body))


if __name__ == '__main__':
    main()
