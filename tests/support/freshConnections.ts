import { Agent, setGlobalDispatcher } from 'undici'

/**
 * Test processes' fetch opens a new connection per request. A kept-alive connection races the
 * server's 5 s keep-alive timeout (SEC-4): on a busy machine the test process can be late to
 * notice the close and send its next request on a socket the server is closing, which fails with
 * "other side closed" though the server did nothing wrong. Users' browsers retry such requests;
 * fetch in Node does not.
 */
setGlobalDispatcher(new Agent({ pipelining: 0 }))
