using Microsoft.FluentUI.AspNetCore.Components;
using Icons = Microsoft.FluentUI.AspNetCore.Components.Icons;

namespace HmisPlatform.Gateway.Web.Layout;

/// <summary>The icon beside each page of the menu (<see cref="Ui.MenuOf"/>).</summary>
public static class MenuIcons
{
    public static Icon Of(string href) => href switch
    {
        "/review" => new Icons.Regular.Size20.TaskListSquareLtr(),
        "/ce" => new Icons.Regular.Size20.ClipboardTaskListLtr(),
        "/people" => new Icons.Regular.Size20.PeopleSearch(),
        "/overview" => new Icons.Regular.Size20.DataBarVertical(),
        "/agencies" => new Icons.Regular.Size20.BuildingMultiple(),
        "/requests/new" => new Icons.Regular.Size20.PersonAdd(),
        "/agency" => new Icons.Regular.Size20.Building(),
        "/me" => new Icons.Regular.Size20.Person(),
        "/reports" => new Icons.Regular.Size20.DocumentTable(),
        _ => new Icons.Regular.Size20.Mail(),
    };
}
