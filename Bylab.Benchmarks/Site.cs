using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bylab.Benchmarks;

/// <summary>
/// The real site as a child process (the Release build, Production environment, plain HTTP on loopback),
/// on the seeded database. Disposing it kills the process tree.
/// </summary>
public sealed class Site : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public Uri BaseAddress { get; }

    /// <summary>Null while the site runs; its exit code once it has stopped (it never should during a run).</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;
    public string LogFile { get; }

    private Site(Process process, Uri baseAddress, StreamWriter log, string logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        _log = log;
        LogFile = logFile;
    }

    public static async Task<Site> StartAsync(string repoRoot, string dataFolder, CancellationToken ct)
    {
        var webDir = Path.Combine(repoRoot, "Bylab.Web");
        var dll = Path.Combine(webDir, "bin", "Release", "net10.0", "Bylab.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build Bylab.Web in Release first (bench.sh does).");
        }
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            // Bylab.Web/ as the working directory: the content root with appsettings.json, as "dotnet run" would have it.
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Bylab__Security__RequireHttps"] = "false";
        // Links and the host filter take the public address from here; the site answers only to it outside Development.
        start.Environment["Bylab__Site__PublicUrl"] = url;
        // A throwaway installation: mail into the database outbox, Data Protection keys without a certificate.
        start.Environment["Bylab__Email__UseOutbox"] = "true";
        start.Environment["Bylab__DataProtection__AllowUnprotectedKeys"] = "true";
        start.Environment["Bylab__Database__DataFolder"] = dataFolder;
        // The benchmark logs in many people from one IP; the limits exist for attackers, not for this.
        start.Environment["Bylab__RateLimits__AuthPermits"] = "100000";
        start.Environment["Bylab__RateLimits__AccountPermits"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var logFile = Path.Combine(dataFolder, "site.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new Site(process, new Uri(url), log, logFile);

        try
        {
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The site exited with code {process.ExitCode} before it was up; see {logFile}.");
                }
                try
                {
                    using var response = await probe.GetAsync(new Uri(site.BaseAddress, "/healthz/live"), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return site;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                }
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"The site did not answer /healthz/live within 60 s; see {logFile}.");
                }
                await Task.Delay(200, ct);
            }
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines the site wrote (warnings and errors only, by the log level set above).</summary>
    public string Tail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
