using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bylab.Web.Features.Api;

/// <summary>The page that documents the open API for people, beside the OpenAPI document for machines.</summary>
[AllowAnonymous]
public sealed class ApiDocsController(IOptions<ApiOptions> options, PublicUrls urls) : Controller
{
    public const string Path = "/apne-data/api";

    [HttpGet(Path)]
    public IActionResult Index() => View("Docs", new ApiDocsModel(options.Value, urls.Absolute(ApiSetup.Prefix)));
}

/// <param name="BaseUrl">The API's absolute address, from Bylab:Site:PublicUrl.</param>
public sealed record ApiDocsModel(ApiOptions Options, string BaseUrl);
