using System.Diagnostics;
using System.Net.Sockets;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// nginx (the Debian package) as a round-robin load balancer in front of app nodes, with its own configuration
/// file, prefix and pid file in a temporary folder (<c>nginx -c FILE -p DIR</c>): the system's site is never touched.
/// A node that refuses connections is skipped, as a production balancer would.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    public string BaseUrl { get; }

    private NginxProcess(Process process, string folder, string baseUrl) => (_process, _folder, BaseUrl) = (process, folder, baseUrl);

    public static async Task<NginxProcess> StartAsync(IEnumerable<string> upstreamBaseUrls)
    {
        var executable = Environment.GetEnvironmentVariable("NGINX") is { Length: > 0 } configured ? configured
            : File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var folder = Directory.CreateTempSubdirectory("hsct-nginx-").FullName;
        var port = TestSmtpServer.FreePort();
        var servers = string.Join("\n", upstreamBaseUrls.Select(u => $"    server {new Uri(u).Authority} max_fails=1 fail_timeout=30s;"));
        // Workers run as the user nginx starts as when that is root, so they can use the temporary folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var config = $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream app {
            {{servers}}
                keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://app;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_connect_timeout 1s;
                  proxy_next_upstream error timeout;
                }
              }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var start = new ProcessStartInfo(executable, ["-c", file, "-p", folder, "-e", Path.Combine(folder, "error.log")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need nginx (apt-get install nginx; `bash .ci/run` installs it).", e);
        }
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {errors}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new NginxProcess(process, folder, $"http://127.0.0.1:{port}");
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("nginx did not start listening: " + errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // the master and its worker, which it started
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
