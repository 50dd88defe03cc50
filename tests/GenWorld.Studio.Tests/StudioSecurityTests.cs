using System.Net;
using System.Text;
using System.Text.Json;

namespace GenWorld.Studio.Tests;

/// <summary>
/// The studio shares the service's rules: foreign origins and hosts refused with no CORS header, bodies only as JSON
/// and bounded, nothing generated on GET, model names that cannot reach outside the models root, and a token for the
/// API (the page itself loads without one, since a browser cannot send a header when it opens a URL).
/// </summary>
[Collection("Studio")]
public sealed class StudioSecurityTests
{
    private const string Sound = """{"model":"notes-vae","seed":1,"pitch":60}""";

    private static HttpRequestMessage Post(string path, string body, string? type = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (type is not null) request.Content.Headers.ContentType = new(type);
        return request;
    }

    private static HttpRequestMessage With(HttpRequestMessage request, string header, string value)
    {
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    [Fact]
    public async Task Requests_a_foreign_page_could_send_are_refused_with_one_clear_line_and_no_CORS_header()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        int port = new Uri(studio.BaseUrl).Port;
        (string Name, HttpRequestMessage Request, HttpStatusCode Status, string Expected)[] cases =
        [
            ("foreign Origin", With(Post("studio/api/sound", Sound), "Origin", "https://evil.example"), HttpStatusCode.Forbidden, "other origins"),
            ("DNS rebinding", With(Post("studio/api/sound", Sound), "Host", $"evil.example:{port}"), HttpStatusCode.Forbidden, "not an address"),
            ("text/plain body", Post("studio/api/sound", Sound, "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json"),
            ("Blob body", Post("studio/api/sound", Sound, null), HttpStatusCode.UnsupportedMediaType, "application/json"),
            ("oversized body", Post("studio/api/sound", "{\"model\":\"" + new string('a', 200_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge, ""),
            ("path as model", Post("studio/api/sound", """{"model":"../../etc","seed":1}"""), HttpStatusCode.BadRequest, "not a model name"),
            ("absolute model", new HttpRequestMessage(HttpMethod.Get, "studio/api/map?model=%2Fetc"), HttpStatusCode.BadRequest, "not a model name"),
            ("damaged code", Post("studio/api/sound", """{"code":"gw1_AQAJbm90ZXMtdmFlrW0nzzz_EADy_nwCHgLOAl39rwHpBVUBPAF9-ab9BAT-84P7NvwiADcI62X"}"""), HttpStatusCode.BadRequest, "checksum"),
            ("latent too long", Post("studio/api/sound", """{"model":"notes-vae","latent":[1,2,3],"pitch":60}"""), HttpStatusCode.BadRequest, "takes 16"),
            ("pitch outside range", Post("studio/api/sound", """{"model":"notes-vae","seed":1,"pitch":120}"""), HttpStatusCode.BadRequest, "pitch"),
        ];
        foreach (var c in cases)
        {
            using HttpResponseMessage response = await studio.Http.SendAsync(c.Request);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == c.Status, $"{c.Name}: expected {(int)c.Status}, got {(int)response.StatusCode}: {body}");
            if (c.Expected.Length > 0) Assert.Contains(c.Expected, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(RepoPath.Root, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GET_changes_nothing_and_generates_nothing()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        foreach (string path in new[] { "studio/api/sound", "studio/api/export", "studio/api/texture", "studio/api/hint" })
        {
            using HttpResponseMessage response = await studio.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_page_is_served_with_a_strict_policy_and_the_root_leads_to_it()
    {
        await using TestStudio studio = await TestStudio.StartAsync();
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = studio.Http.BaseAddress };
        using HttpResponseMessage root = await noRedirect.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/studio/", root.Headers.Location?.OriginalString);
        foreach (string file in StudioPage.Paths)
        {
            using HttpResponseMessage page = await studio.Http.GetAsync(file.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.True((await page.Content.ReadAsByteArrayAsync()).Length > 500, file);
        }
    }

    [Fact]
    public async Task With_a_token_the_page_loads_but_the_API_needs_the_token()
    {
        const string token = "studio-test-token-0123456789";
        await using TestStudio studio = await TestStudio.StartAsync(token);
        using var anonymous = new HttpClient { BaseAddress = studio.Http.BaseAddress };
        using HttpResponseMessage page = await anonymous.GetAsync("studio/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using HttpResponseMessage refused = await anonymous.GetAsync("studio/api/models");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using HttpResponseMessage refusedJobs = await anonymous.GetAsync("jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, refusedJobs.StatusCode);
        using HttpResponseMessage allowed = await studio.Http.GetAsync("studio/api/models");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_model_folder_linking_outside_the_models_root_is_not_served()
    {
        string root = Directory.CreateTempSubdirectory("genworld-studio-models-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "escaped"), Path.Combine(RepoPath.Models, "notes-vae"));
            await using TestStudio studio = await TestStudio.StartAsync(modelsRoot: root);
            using HttpResponseMessage response = await studio.Http.SendAsync(Post("studio/api/sound", """{"model":"escaped","seed":1,"pitch":60}"""));
            string body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("outside the models root", body, StringComparison.Ordinal);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
