using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace Bylab.Tests.Infrastructure;

/// <summary>
/// An SMTP server on 127.0.0.1 that speaks just enough of RFC 5321 (EHLO/HELO, MAIL FROM, RCPT TO, DATA,
/// RSET, NOOP, QUIT) to receive messages from a real client such as MailKit, and keeps what it receives.
/// No TLS and no authentication: tests use it with Security "None".
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ReceivedMail> _arrivals = Channel.CreateUnbounded<ReceivedMail>();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _acceptLoop;

    private FakeSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public static FakeSmtpServer Start() => new();

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every message accepted so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Waits for the next message (one not yet returned by this method), failing after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _arrivals.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The fake SMTP server on port {Port} received no message in time.");
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new LineReader(stream);
        string? mailFrom = null;
        var recipients = new List<string>();

        async Task Reply(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"), _stop.Token);

        try
        {
            await Reply("220 127.0.0.1 Bylab test SMTP ready");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        // No extensions: the client must send 7-bit content, so the test sees MailKit's own encoding at work.
                        await Reply("250 127.0.0.1 greets you");
                        break;
                    case "HELO":
                        await Reply("250 127.0.0.1");
                        break;
                    case "MAIL" when line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase):
                        mailFrom = Address(line["MAIL FROM:".Length..]);
                        recipients.Clear();
                        await Reply("250 2.1.0 OK");
                        break;
                    case "RCPT" when line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase):
                        if (mailFrom is null)
                        {
                            await Reply("503 5.5.1 MAIL first");
                            break;
                        }
                        recipients.Add(Address(line["RCPT TO:".Length..]));
                        await Reply("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (mailFrom is null || recipients.Count == 0)
                        {
                            await Reply("503 5.5.1 RCPT first");
                            break;
                        }
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var data = await reader.ReadDataAsync(_stop.Token);
                        var message = await MimeMessage.LoadAsync(new MemoryStream(data), _stop.Token);
                        var mail = new ReceivedMail(mailFrom, [.. recipients], message, data);
                        _received.Enqueue(mail);
                        _arrivals.Writer.TryWrite(mail);
                        mailFrom = null;
                        recipients.Clear();
                        await Reply("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        mailFrom = null;
                        recipients.Clear();
                        await Reply("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await Reply("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await Reply("221 2.0.0 Bye");
                        return;
                    default:
                        await Reply("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client hung up or the server is stopping.
        }
    }

    /// <summary>"&lt;kari@test.bylab.no&gt; BODY=8BITMIME" → "kari@test.bylab.no".</summary>
    private static string Address(string argument)
    {
        var text = argument.Trim();
        var end = text.IndexOf('>');
        return text.StartsWith('<') && end > 0 ? text[1..end] : text.Split(' ')[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }

    /// <summary>Reads CRLF-terminated lines as bytes, so that DATA reaches MimeKit exactly as sent.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct) =>
            await ReadRawLineAsync(ct) is { } bytes ? Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n') : null;

        /// <summary>The message up to the line holding a single dot, with dot-stuffing undone (RFC 5321 4.5.2).</summary>
        public async Task<byte[]> ReadDataAsync(CancellationToken ct)
        {
            var data = new MemoryStream();
            while (await ReadRawLineAsync(ct) is { } line)
            {
                if (line is [(byte)'.', (byte)'\r', (byte)'\n'] or [(byte)'.', (byte)'\n'])
                {
                    return data.ToArray();
                }
                var skip = line.Length > 0 && line[0] == '.' ? 1 : 0;
                data.Write(line, skip, line.Length - skip);
            }
            throw new IOException("The connection closed in the middle of DATA.");
        }

        private async Task<byte[]?> ReadRawLineAsync(CancellationToken ct)
        {
            var line = new MemoryStream();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] == '\n')
                    {
                        line.Write(_buffer, _start, i + 1 - _start);
                        _start = i + 1;
                        return line.ToArray();
                    }
                }
                line.Write(_buffer, _start, _end - _start);
                _start = 0;
                _end = await stream.ReadAsync(_buffer, ct);
                if (_end == 0)
                {
                    return line.Length == 0 ? null : line.ToArray();
                }
            }
        }
    }
}

/// <summary>One message as the SMTP server received it: the envelope, the parsed message and the raw DATA.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message, byte[] Raw);
