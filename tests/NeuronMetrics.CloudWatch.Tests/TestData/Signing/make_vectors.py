#!/usr/bin/env python3
"""Computes SigV4 test vectors for SigV4RequestSigner with botocore.auth.SigV4Auth.

Run from this directory:  python3 make_vectors.py  -> writes sigv4_vectors.json
Inputs (method, url, headers, body as base64, credentials, region, time) are stored next to the
expected Authorization header. AWSSDK.Core's signer always signs X-Amz-Content-SHA256 (botocore only
does for S3), so the inputs carry that header explicitly and botocore signs it as an ordinary header.
The gzip vector's body is fixed bytes (not re-compressed) so the vector does not depend on zlib output.
"""
import base64
import datetime
import gzip
import hashlib
import json
from unittest import mock

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = 'AKIDEXAMPLE'
SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
FORM = 'application/x-www-form-urlencoded; charset=utf-8'


def sign(vector):
    body = base64.b64decode(vector['body'])
    headers = dict(vector['headers'])
    headers['X-Amz-Content-SHA256'] = hashlib.sha256(body).hexdigest()
    request = AWSRequest(method=vector['method'], url=vector['url'], data=body, headers=headers)
    credentials = Credentials(ACCESS_KEY, SECRET_KEY, vector.get('token'))
    when = datetime.datetime.strptime(vector['time'], '%Y-%m-%dT%H:%M:%SZ')
    with mock.patch('botocore.auth.get_current_datetime', return_value=when):
        SigV4Auth(credentials, 'monitoring', vector['region']).add_auth(request)
    vector['expectedAuthorization'] = request.headers['Authorization']
    vector['expectedAmzDate'] = request.headers['X-Amz-Date']
    vector['expectedContentSha256'] = headers['X-Amz-Content-SHA256']
    return vector


def main():
    plain = b'Action=PutMetricData&Version=2010-08-01&Namespace=Neuron&MetricData.member.1.MetricName=A' \
            b'&MetricData.member.1.Timestamp=2026-11-28T17%3A00%3A00Z&MetricData.member.1.Value=1.0' \
            b'&MetricData.member.1.Unit=Count'
    gz = gzip.compress(plain * 200, mtime=0)
    vectors = [
        {'name': 'basic', 'method': 'POST', 'url': 'https://monitoring.us-east-1.amazonaws.com/',
         'region': 'us-east-1', 'time': '2026-11-28T17:00:00Z', 'headers': {'Content-Type': FORM},
         'body': base64.b64encode(plain).decode()},
        {'name': 'session_token', 'method': 'POST', 'url': 'https://monitoring.eu-west-1.amazonaws.com/',
         'region': 'eu-west-1', 'time': '2026-01-02T03:04:05Z', 'headers': {'Content-Type': FORM},
         'token': 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==', 'body': base64.b64encode(plain).decode()},
        {'name': 'gzip_body', 'method': 'POST', 'url': 'https://monitoring.cn-north-1.amazonaws.com.cn/',
         'region': 'cn-north-1', 'time': '2026-11-28T23:59:59Z',
         'headers': {'Content-Type': FORM, 'Content-Encoding': 'gzip'}, 'body': base64.b64encode(gz).decode()},
        {'name': 'custom_endpoint_port', 'method': 'POST', 'url': 'http://127.0.0.1:5000/',
         'region': 'us-west-2', 'time': '2026-11-28T17:00:00Z', 'headers': {'Content-Type': FORM},
         'body': base64.b64encode(plain).decode()},
    ]
    with open('sigv4_vectors.json', 'w', encoding='utf-8') as f:
        json.dump([sign(v) for v in vectors], f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
