using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Bylab.Web.Features.Api;

/// <summary>What every read endpoint of the open API is: anonymous, rate limited per client («api»), JSON.</summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(ApiSetup.Policy)]
[Produces("application/json")]
public abstract class ApiReadController : ControllerBase;
