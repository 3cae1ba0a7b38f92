using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Bylab.Web;

/// <summary>
/// Views live beside their controller: a controller in namespace Bylab.Web.Features.Account finds its views
/// in /Features/Account, one in Bylab.Web.Areas.Admin.Users in /Areas/Admin/Users, whatever the controller is called.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? "";
            var root = typeof(FeatureViewLocations).Namespace + ".";
            context.Values["folder"] = ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Replace('.', '/') : "";
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue("folder", out var folder) && !string.IsNullOrEmpty(folder))
        {
            yield return $"/{folder}/{{0}}.cshtml";
        }
        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}
