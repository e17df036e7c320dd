import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';

type PublishedType = 'CNAME' | 'TXT';

/** A tiny authoritative DNS server over UDP: answers CNAME and TXT from what the test publishes. */
export async function startDnsServer() {
  const records = new Map<string, { type: PublishedType; value: string }[]>();
  const socket = createSocket('udp4');

  socket.on('message', (message, remote) => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    const published = question ? records.get(question.name.toLowerCase()) : undefined;
    const answers: dnsPacket.Answer[] = (published ?? [])
      .filter((record) => record.type === question?.type)
      .map((record) =>
        record.type === 'CNAME'
          ? { type: 'CNAME', name: question!.name, ttl: 1, data: record.value }
          : { type: 'TXT', name: question!.name, ttl: 1, data: [record.value] },
      );
    const nxdomain = 3;
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (published ? 0 : nxdomain),
      questions: query.questions,
      answers,
    });
    socket.send(response, remote.port, remote.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    publish(type: PublishedType, name: string, value: string) {
      const key = name.toLowerCase();
      records.set(key, [...(records.get(key) ?? []), { type, value }]);
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
