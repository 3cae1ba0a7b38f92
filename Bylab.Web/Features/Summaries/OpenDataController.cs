using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bylab.Web.Features.Summaries;

/// <summary>The page that describes the open-data file field by field.</summary>
[AllowAnonymous]
public sealed class OpenDataController : Controller
{
    [HttpGet(OpenData.DocumentationPath)]
    public IActionResult Index() => View("OpenData");
}
