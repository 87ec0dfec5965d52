# The default views answer at a glance, and every column or list label is a property of the object, so a
# header copied into Where-Object or Select-Object finds what the table showed.
BeforeDiscovery {
    Import-Module $env:VIRTNET_MODULE -Force
    [xml] $format = Get-Content -Raw (Join-Path (Split-Path (Get-Module VirtNet).Path) 'VirtNet.format.ps1xml')
    $views = foreach ($view in $format.Configuration.ViewDefinitions.View) {
        $typeName = $view.ViewSelectedBy.TypeName
        if ($view.TableControl) {
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $items.Count; $i++) {
                $label = if ($i -lt $headers.Count -and $headers[$i].Label) { $headers[$i].Label } else { $items[$i].PropertyName }
                @{ TypeName = $typeName; Kind = 'column'; Label = $label; Property = $items[$i].PropertyName; Script = $items[$i].ScriptBlock }
            }
        }
        if ($view.ListControl) {
            foreach ($item in $view.ListControl.ListEntries.ListEntry.ListItems.ListItem) {
                $label = if ($item.Label) { $item.Label } else { $item.PropertyName }
                @{ TypeName = $typeName; Kind = 'list item'; Label = $label; Property = $item.PropertyName; Script = $item.ScriptBlock }
            }
        }
    }
}

BeforeAll { Import-Module $env:VIRTNET_MODULE -Force }

Describe 'The <Kind> <Label> of the <TypeName> view' -ForEach $views {
    It 'is labelled with a property of the type' {
        $type = $TypeName -as [type]
        $type | Should -Not -BeNullOrEmpty -Because "$TypeName is a VirtNet type"
        $names = $type.GetProperties().Name
        $names | Should -Contain $Label -Because "'$Label' must be a property of $TypeName so that Select-Object $Label finds it"
        if ($Property) { $Property | Should -Be $Label -Because 'a column shows the property it is named after' }
    }
}
