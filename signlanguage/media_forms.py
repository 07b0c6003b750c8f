"""The media library's upload form with the BITV 2.0 Anlage 2 check (set as wagtailmedia's
``MEDIA_FORM_BASE``). Separate from forms.py because wagtailmedia.forms queries the database
on import and so cannot be imported while models load."""

from django.core.exceptions import ValidationError
from wagtailmedia.forms import BaseMediaForm

from .video import check_video


class CheckedMediaForm(BaseMediaForm):
    """wagtailmedia's form, plus: a video upload is read with ffprobe and refused when it is
    below BITV 2.0 Anlage 2 (320×240, 25 fps). Width, height and duration come from the file."""

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if self.instance.type != "video" or not upload or "file" not in self.changed_data:
            return cleaned
        from .models import local_path

        try:
            with local_path(upload) as path:
                info = check_video(path)
        except ValidationError as error:
            self.add_error("file", error)
            # add_error drops the upload from cleaned_data; without it wagtailmedia's model check
            # of the file extension would see no file at all and add a second, empty error
            # ("Dateiendung „“ ist nicht erlaubt"). It checks the uploaded name instead (nothing
            # is saved: the form is invalid).
            self.instance.file = upload
            return cleaned
        for name, value in (("width", info.width), ("height", info.height), ("duration", info.duration_seconds)):
            cleaned[name] = value
            setattr(self.instance, name, value)
        return cleaned
